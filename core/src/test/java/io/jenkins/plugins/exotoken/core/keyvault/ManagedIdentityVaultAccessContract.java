package io.jenkins.plugins.exotoken.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference.Kind;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator.Format;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.ManagedIdentitySimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the vault with the machine's managed identity, through msal4j's real managed-identity code. msal4j
 * reads the endpoint from environment variables, so each subclass runs in its own forked JVM whose
 * environment Maven sets (see core/pom.xml) and whose port Maven reserved ({@code exotoken.mi.port}).
 */
abstract class ManagedIdentityVaultAccessContract {

    static EntraSimulator entra;
    static KeyVaultSimulator vault;
    static ManagedIdentitySimulator endpoint;
    static TestApp app;

    private TokenService tokens;
    private KeyVaultSecrets secrets;
    private String vaultName;

    static int reservedPort(String environmentVariable) {
        assertThat(System.getenv(environmentVariable))
                .as("%s must be set by the Maven execution that runs this test", environmentVariable).isNotBlank();
        return Integer.parseInt(System.getProperty("exotoken.mi.port"));
    }

    static void startServices(ManagedIdentitySimulator managedIdentity) {
        endpoint = managedIdentity;
        app = new TestApp(entra);
        vault = KeyVaultSimulator.start(entra);
        endpoint.tenant(app.tenantId);
    }

    @AfterAll
    static void stopServices() {
        endpoint.close();
        vault.close();
        entra.close();
    }

    @BeforeAll
    static void startEntra() {
        entra = EntraSimulator.start();
    }

    @BeforeEach
    void setUp() {
        vaultName = "mi" + UUID.randomUUID().toString().substring(0, 8);
        vault.createVault(vaultName, app.tenantId);
        vault.putCertificate(vaultName, "exo-app", app.certificate, Format.PFX);
        // Everything through the proxy, as a Jenkins proxy without exceptions would: the managed-identity
        // endpoint must still be reached directly (the proxy refuses plain HTTP requests).
        HttpSettings settings = HttpSettings.defaults().withSslContext(vault.clientSslContext())
                .withProxy(java.net.ProxySelector.of(vault.proxy().address()), null);
        RetryPolicy retries = new RetryPolicy(2, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(5));
        tokens = new TokenService(settings, retries, Clock.systemUTC());
        secrets = new KeyVaultSecrets(tokens, settings, retries, Clock.systemUTC(), Duration.ofMinutes(10));
        endpoint.resetCounts();
    }

    @AfterEach
    void tearDown() {
        secrets.close();
        tokens.close();
    }

    private KeyVaultReference certificate() throws Exception {
        return KeyVaultReference.of(app.cloud, vault.vaultUrl(vaultName), "exo-app", null, Kind.CERTIFICATE);
    }

    private void assertSignsIn(AppSecret secret) throws Exception {
        var token = tokens.acquire(new TokenRequest(app.identity, secret, TokenScope.forResource(app.cloud, "exchange")));
        assertThat(entra.verifyIssued(token.reveal()).getStringClaim("appid")).isEqualTo(app.clientId);
    }

    @Test
    void systemAssignedIdentityReadsTheCertificateAndItsTokenIsReused() throws Exception {
        String principal = UUID.randomUUID().toString();
        endpoint.systemAssigned(principal);
        vault.grant(vaultName, principal, "*");
        VaultAccess access = new VaultAccess.ByManagedIdentity(ManagedIdentity.systemAssigned());

        assertSignsIn(secrets.resolve(certificate(), access));
        vault.putSecret(vaultName, "other", app.secret, null);
        assertSignsIn(secrets.resolve(KeyVaultReference.of(app.cloud, vault.vaultUrl(vaultName), "other", null,
                Kind.SECRET), access));

        assertThat(endpoint.requests()).as("one managed-identity token for both reads").isEqualTo(1);
    }

    @Test
    void userAssignedIdentityIsNamedByItsClientId() throws Exception {
        String clientId = UUID.randomUUID().toString();
        endpoint.userAssigned(clientId);
        vault.grant(vaultName, clientId, "exo-app");

        AppSecret secret = secrets.resolve(certificate(),
                new VaultAccess.ByManagedIdentity(ManagedIdentity.userAssigned(clientId)));

        assertSignsIn(secret);
        assertThat(endpoint.seen()).anySatisfy(r -> assertThat(r.query()).containsEntry("client_id", clientId));
    }

    @Test
    void unknownUserAssignedIdentityIsReportedWithAHint() throws Exception {
        String stranger = UUID.randomUUID().toString();

        assertThatThrownBy(() -> secrets.resolve(certificate(),
                        new VaultAccess.ByManagedIdentity(ManagedIdentity.userAssigned(stranger))))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> assertThat(e.getMessage())
                        .startsWith("The managed identity " + stranger + " got no token for https://vault.azure.net")
                        .contains("Hint: check the client id"));
    }
}
