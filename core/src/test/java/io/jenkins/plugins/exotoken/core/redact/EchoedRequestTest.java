package io.jenkins.plugins.exotoken.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.VaultRefusedException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultSecrets;
import io.jenkins.plugins.exotoken.core.keyvault.VaultAccess;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator.Format;
import io.jenkins.plugins.exotoken.core.testing.Leaks;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint or proxy that answers with the request it got — form body, headers — gets none of the request's
 * secrets into the message a user sees: not the client secret (in any encoding), the client assertion, or the
 * vault's bearer token. The message still says what failed.
 */
class EchoedRequestTest {

    /** Characters that form encoding changes: '~' (%7E), ' ' ('+' or %20), '+', '/', '='. */
    private static final String NASTY_SECRET = "Nq8~Q" + UUID.randomUUID() + " x+y/z=";

    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static TestApp app;
    private static String nastyAppId;
    private static String readerId;
    private static String readerSecret;

    private TokenService tokens;
    private KeyVaultSecrets secrets;

    @BeforeAll
    static void start() {
        entra = EntraSimulator.start();
        vault = KeyVaultSimulator.start(entra);
        app = new TestApp(entra);
        nastyAppId = UUID.randomUUID().toString();
        entra.app(app.tenantId, nastyAppId).secret(NASTY_SECRET).roles("https://outlook.office365.com",
                "Exchange.ManageAsApp");
        readerId = UUID.randomUUID().toString();
        readerSecret = "reader~" + UUID.randomUUID();
        entra.app(app.tenantId, readerId).secret(readerSecret);
    }

    @AfterAll
    static void stop() {
        vault.close();
        entra.close();
    }

    @BeforeEach
    void setUp() {
        HttpSettings settings = vault.clientSettings();
        RetryPolicy retries = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10));
        tokens = new TokenService(settings, retries, Clock.systemUTC());
        secrets = new KeyVaultSecrets(tokens, settings, retries, Clock.systemUTC(), Duration.ofMinutes(10));
    }

    @AfterEach
    void tearDown() {
        secrets.close();
        tokens.close();
    }

    private AuthenticationFailedException refusalWith(AppIdentity identity, AppSecret secret) throws Exception {
        entra.inject(Fault.echo(400));
        TokenRequest request = new TokenRequest("credential 'exo-app'", identity, secret,
                TokenScope.forResource(app.cloud, "exchange"), null);
        return catchThrowableOfType(AuthenticationFailedException.class, () -> tokens.acquire(request));
    }

    @Test
    void echoedClientSecretIsMaskedInEveryEncoding() throws Exception {
        AppIdentity identity = AppIdentity.of(app.tenantId, nastyAppId, null, app.cloud);

        AuthenticationFailedException e = refusalWith(identity, ClientSecret.of("test", SecretValue.of(NASTY_SECRET)));

        assertThat(e.getMessage()).contains("AADSTS900144", "Request was:", "client_secret=" + Redactor.MASK)
                .doesNotContain("\n");
        assertThat(Leaks.in(e.getMessage(), Map.of("client secret", NASTY_SECRET))).isEmpty();
        assertThat(Leaks.in(e.error().description(), Map.of("client secret", NASTY_SECRET))).isEmpty();
    }

    @Test
    void echoedClientAssertionIsMasked() throws Exception {
        AuthenticationFailedException e = refusalWith(app.identity, app.certificateCredential());

        assertThat(e.getMessage()).contains("AADSTS900144", "client_assertion=" + Redactor.MASK);
        assertThat(Leaks.in(e.getMessage(), Map.of())).isEmpty();
        assertThat(Leaks.in(e.error().description(), Map.of())).isEmpty();
    }

    @Test
    void echoedVaultBearerTokenIsMasked() throws Exception {
        String vaultName = vault.createVaultFor(app.tenantId, readerId);
        vault.putCertificate(vaultName, "exo-app", app.certificate, Format.PFX);
        VaultAccess reader = new VaultAccess.ByApp(AppIdentity.of(app.tenantId, readerId, null, app.cloud),
                ClientSecret.of("test", SecretValue.of(readerSecret)));
        KeyVaultReference reference = KeyVaultReference.of(app.cloud, vault.vaultUrl(vaultName), "exo-app", null,
                KeyVaultReference.Kind.CERTIFICATE);

        for (int status : new int[] {401, 400, 403}) {
            vault.inject(Fault.echo(status));
            VaultRefusedException e = catchThrowableOfType(VaultRefusedException.class,
                    () -> secrets.resolve(reference, reader));

            assertThat(e.getMessage()).as("HTTP %d", status).contains("Request was:", "Bearer " + Redactor.MASK);
            assertThat(Leaks.in(e.getMessage(), Map.of("reader secret", readerSecret))).as("HTTP %d", status)
                    .isEmpty();
        }
    }
}
