package io.jenkins.plugins.exotoken.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.VaultRefusedException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference.Kind;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.LogCapture;
import io.jenkins.plugins.exotoken.core.testing.MutableClock;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How long a vault object or a refusal is reused: the period, the object's expiry, refusals, outages. */
class KeyVaultCachePolicyTest {

    private static final Duration PERIOD = Duration.ofMinutes(10);
    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static TestApp app;
    private static String readerId;
    private static String readerSecret;

    private final MutableClock clock = new MutableClock();
    private LogCapture log;
    private TokenService tokens;
    private KeyVaultSecrets secrets;
    private String vaultName;
    private VaultAccess reader;

    @BeforeAll
    static void start() {
        entra = EntraSimulator.start();
        vault = KeyVaultSimulator.start(entra);
        app = new TestApp(entra);
        readerId = UUID.randomUUID().toString();
        readerSecret = "reader-" + UUID.randomUUID();
        entra.app(app.tenantId, readerId).secret(readerSecret);
    }

    @AfterAll
    static void stop() {
        vault.close();
        entra.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        vaultName = vault.createVaultFor(app.tenantId, readerId);
        HttpSettings settings = vault.clientSettings();
        RetryPolicy retries = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10));
        tokens = new TokenService(settings, retries, clock);
        secrets = new KeyVaultSecrets(tokens, settings, retries, clock, PERIOD);
        reader = new VaultAccess.ByApp(AppIdentity.of(app.tenantId, readerId, null, app.cloud),
                ClientSecret.of("test", SecretValue.of(readerSecret)));
        vault.resetCounts();
        log = LogCapture.of(KeyVaultSecrets.class);
    }

    @AfterEach
    void tearDown() {
        log.close();
        secrets.close();
        tokens.close();
    }

    private KeyVaultReference reference(String name) throws Exception {
        return KeyVaultReference.of(app.cloud, vault.vaultUrl(vaultName), name, null, Kind.SECRET);
    }

    @Test
    void anObjectWhoseExpiryPassesWithinTheCachePeriodIsNotUsedAfterIt() throws Exception {
        vault.putSecret(vaultName, "short", app.secret, null, null, clock.instant().plus(Duration.ofMinutes(5)),
                Map.of());
        KeyVaultReference ref = reference("short");
        secrets.resolve(ref, reader);
        clock.advance(Duration.ofMinutes(6)); // within the 10-minute period, past the object's expiry

        assertThatThrownBy(() -> secrets.resolve(ref, reader))
                .isInstanceOfSatisfying(VaultRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("SecretExpired"));
        assertThat(vault.requests(vaultName, "short")).as("read again, not served from the cache").isEqualTo(2);
    }

    @Test
    void aRefusalIsRememberedForAMinuteSoAMisconfiguredReferenceDoesNotCallTheVaultOnEveryBuild() throws Exception {
        KeyVaultReference ref = reference("absent");

        for (int build = 0; build < 3; build++) {
            assertThatThrownBy(() -> secrets.resolve(ref, reader))
                    .isInstanceOfSatisfying(VaultRefusedException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
        }
        assertThat(vault.requests(vaultName, "absent")).isEqualTo(1);

        vault.putSecret(vaultName, "absent", app.secret, null);
        clock.advance(KeyVaultSecrets.REFUSAL_PERIOD.plusSeconds(1));
        assertThat(secrets.resolve(ref, reader)).isInstanceOf(ClientSecret.class);
        assertThat(vault.requests(vaultName, "absent")).isEqualTo(2);
    }

    @Test
    void aRefusalIsNeverAnsweredWithTheCopyReadBefore() throws Exception {
        vault.putSecret(vaultName, "revoked", app.secret, null);
        KeyVaultReference ref = reference("revoked");
        secrets.resolve(ref, reader);
        clock.advance(PERIOD.plusSeconds(1));
        vault.revoke(vaultName, readerId);

        assertThatThrownBy(() -> secrets.resolve(ref, reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
    }

    @Test
    void duringAnOutageTheCopyIsUsedWithAWarningWithoutSecretsAndTheVaultAskedAgainOnlyAfterAMinute() throws Exception {
        String version = vault.putSecret(vaultName, "resilient", app.secret, null);
        KeyVaultReference ref = reference("resilient");
        AppSecret first = secrets.resolve(ref, reader);
        clock.advance(PERIOD.plusSeconds(1));
        vault.inject(Fault.status(503), Fault.status(503), Fault.status(503));

        AppSecret during = secrets.resolve(ref, reader);
        AppSecret meanwhile = secrets.resolve(ref, reader);
        int readsDuringTheOutage = vault.requests(vaultName, "resilient");
        clock.advance(KeyVaultSecrets.OUTAGE_RETRY.plusSeconds(1));
        secrets.resolve(ref, reader);

        assertThat(during).isSameAs(first);
        assertThat(meanwhile).isSameAs(first);
        assertThat(readsDuringTheOutage).isEqualTo(1 + 3);
        assertThat(vault.requests(vaultName, "resilient")).isEqualTo(1 + 3 + 1);
        List<String> warnings = log.formatted(Level.WARNING);
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w)
                .contains("HTTP 503", "Using the copy read before, version " + version, "60 s")
                .doesNotContain(app.secret, readerSecret));
    }

    @Test
    void anEvictedReferenceIsReadAgain() throws Exception {
        vault.putSecret(vaultName, "changed", app.secret, null);
        KeyVaultReference ref = reference("changed");
        secrets.resolve(ref, reader);

        secrets.evict(ref);
        secrets.resolve(ref, reader);

        assertThat(vault.requests(vaultName, "changed")).isEqualTo(2);
    }
}
