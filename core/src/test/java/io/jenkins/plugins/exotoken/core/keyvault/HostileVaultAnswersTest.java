package io.jenkins.plugins.exotoken.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.VaultRefusedException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference.Kind;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.HostileAnswer;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.MutableClock;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key Vault (or a proxy in front of it) misbehaving: bounded in time and size, and reported as what it is. */
class HostileVaultAnswersTest {

    private static final Duration PERIOD = Duration.ofMinutes(10);
    /** 2 attempts (of at most 2 s each against the vault), at most 1 s of waiting. */
    private static final RetryPolicy TWO_ATTEMPTS =
            new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1));

    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static TestApp app;
    private static String readerId;
    private static String readerSecret;

    private MutableClock clock;
    /** Vault tokens with the default timeouts: the hostile answers are the vault's, not Entra's. */
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
        vault.putSecret(vaultName, "exo-secret", app.secret, null);
        clock = new MutableClock();
        HttpSettings settings = vault.clientSettings();
        tokens = new TokenService(settings, TWO_ATTEMPTS, clock);
        secrets = new KeyVaultSecrets(tokens, settings.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2)),
                TWO_ATTEMPTS, clock, PERIOD);
        reader = new VaultAccess.ByApp(AppIdentity.of(app.tenantId, readerId, null, app.cloud),
                ClientSecret.of("test", SecretValue.of(readerSecret)));
        vault.resetCounts();
    }

    @AfterEach
    void tearDown() {
        secrets.close();
        tokens.close();
    }

    private KeyVaultReference secretReference() throws Exception {
        return KeyVaultReference.of(app.cloud, vault.vaultUrl(vaultName), "exo-secret", null, Kind.SECRET);
    }

    @Test
    void aBodyDrippedByteByByteEndsEachAttemptAtTheTimeoutAndTheReadWithinItsBudget() throws Exception {
        String body = "{\"value\":\"" + "x".repeat(2000) + "\"}";
        vault.injectHostile(HostileAnswer.drip(Duration.ofMillis(200), body),
                HostileAnswer.drip(Duration.ofMillis(200), body));
        KeyVaultReference reference = secretReference();
        long started = System.nanoTime();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> secrets.resolve(reference, reader))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 2 attempts")
                .hasMessageContaining("no complete answer from " + vaultName + ".vault.azure.net within 2 s"));
        // budget: 2 attempts × 2 s + 1 s of waiting; a generous margin for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anAnswerLargerThanTheCapIsRefusedWithTheCap() throws Exception {
        vault.injectHostile(HostileAnswer.oversized(4 * 1024 * 1024));

        assertThatThrownBy(() -> secrets.resolve(secretReference(), reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.getMessage()).contains("larger than 256 KiB", "exo-secret");
                    assertThat(e.code()).isEqualTo("AnswerTooLarge");
                });
        assertThat(vault.requests(vaultName, "exo-secret")).isEqualTo(1);
    }

    @Test
    void anUnreadableSuccessIsARefusalAndDoesNotFallBackToTheCachedCopy() throws Exception {
        KeyVaultReference reference = secretReference();
        secrets.resolve(reference, reader);
        clock.advance(PERIOD.plusSeconds(1));
        vault.injectHostile(HostileAnswer.of(200, "text/html", "<html><body>Sign in to the proxy</body></html>"));

        assertThatThrownBy(() -> secrets.resolve(reference, reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.code()).isEqualTo("UnreadableAnswer");
                    assertThat(e.getMessage()).contains("an HTML page, not Key Vault's JSON");
                });
    }

    @Test
    void aSuccessWithoutAValueIsARefusal() throws Exception {
        vault.injectHostile(HostileAnswer.json200("{\"id\":\"x\"}"));

        assertThatThrownBy(() -> secrets.resolve(secretReference(), reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("UnreadableAnswer");
                    assertThat(e.getMessage()).contains("has no value");
                });
    }

    @Test
    void aGatewayHtmlPageOn502IsRetriedAndReportedAsAProxyPage() throws Exception {
        vault.injectHostile(HostileAnswer.htmlPage(502), HostileAnswer.htmlPage(502));

        assertThatThrownBy(() -> secrets.resolve(secretReference(), reader))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 2 attempts")
                .hasMessageContaining("answered HTTP 502 with an HTML page, not Key Vault's JSON:"
                        + " a proxy or gateway in between?");
        assertThat(vault.requests(vaultName, "exo-secret")).isEqualTo(2);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffCapIsWaitedInFull() throws Exception {
        vault.inject(Fault.throttled("1"));
        long started = System.nanoTime();

        AppSecret secret = secrets.resolve(secretReference(), reader);

        assertThat(secret).isInstanceOf(ClientSecret.class);
        // the cap on computed backoff is 200 ms; the vault asked for 1 s and must get at least that
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(vault.requests(vaultName, "exo-secret")).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheBudgetFailsAtOnceSayingHowLongTheVaultAskedToWait() throws Exception {
        vault.inject(Fault.throttled("120"));
        long started = System.nanoTime();

        assertThatThrownBy(() -> secrets.resolve(secretReference(), reader))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("Key Vault answered HTTP 429")
                .hasMessageContaining("asked to wait 120 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(vault.requests(vaultName, "exo-secret")).isEqualTo(1);
    }
}
