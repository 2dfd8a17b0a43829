package io.jenkins.plugins.exotoken.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.VaultRefusedException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference.Kind;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator.Format;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.MutableClock;
import io.jenkins.plugins.exotoken.core.testing.RequestGate;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certificates and secrets held only in the (simulated) vault, read by another app registration. */
class KeyVaultSecretsTest {

    private static final Duration PERIOD = Duration.ofMinutes(10);
    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static TestApp app;
    private static String readerId;
    private static String readerSecret;

    private MutableClock clock;
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
        clock = new MutableClock();
        HttpSettings settings = vault.clientSettings();
        RetryPolicy retries = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10));
        tokens = new TokenService(settings, retries, clock);
        secrets = new KeyVaultSecrets(tokens, settings, retries, clock, PERIOD);
        reader = new VaultAccess.ByApp(AppIdentity.of(app.tenantId, readerId, null, app.cloud),
                ClientSecret.of("test", SecretValue.of(readerSecret)));
        vault.resetCounts();
    }

    @AfterEach
    void tearDown() {
        secrets.close();
        tokens.close();
    }

    private KeyVaultReference reference(String name, Kind kind) throws InvalidInputException {
        return KeyVaultReference.of(app.cloud, vault.vaultUrl(vaultName), name, null, kind);
    }

    private void assertExchangeTokenWith(AppSecret secret) throws Exception {
        var token = tokens.acquire(new TokenRequest(app.identity, secret, TokenScope.forResource(app.cloud, "exchange")));
        assertThat(entra.verifyIssued(token.reveal()).getStringClaim("appid")).isEqualTo(app.clientId);
    }

    @Test
    void certificateKeptAsPfxInTheVaultSignsIn() throws Exception {
        vault.putCertificate(vaultName, "exo-app", app.certificate, Format.PFX);

        AppSecret secret = secrets.resolve(reference("exo-app", Kind.CERTIFICATE), reader);

        assertThat(secret).isInstanceOf(AppCertificate.class);
        assertThat(((AppCertificate) secret).info().thumbprintSha1())
                .isEqualTo(app.certificateCredential().info().thumbprintSha1());
        assertExchangeTokenWith(secret);
        assertThat(vault.seen()).allSatisfy(r -> assertThat(r.host()).isEqualTo(vaultName + ".vault.azure.net"));
    }

    @Test
    void certificateKeptAsPemInTheVaultSignsIn() throws Exception {
        vault.putCertificate(vaultName, "exo-app-pem", app.certificate, Format.PEM);

        assertExchangeTokenWith(secrets.resolve(reference("exo-app-pem", Kind.CERTIFICATE), reader));
    }

    @Test
    void clientSecretKeptInTheVaultSignsIn() throws Exception {
        vault.putSecret(vaultName, "exo-secret", app.secret, null);

        AppSecret secret = secrets.resolve(reference("exo-secret", Kind.SECRET), reader);

        assertThat(secret).isInstanceOf(ClientSecret.class);
        assertExchangeTokenWith(secret);
    }

    @Test
    void readerAuthenticatingWithACertificateWorksToo() throws Exception {
        TestPki.Issued readerCert = TestPki.selfSigned("vault reader", TestPki.rsa(2048));
        String certReaderId = UUID.randomUUID().toString();
        entra.app(app.tenantId, certReaderId).certificate(readerCert.certificate());
        vault.grant(vaultName, certReaderId, "exo-secret");
        vault.putSecret(vaultName, "exo-secret", app.secret, null);
        VaultAccess byCertificate = new VaultAccess.ByApp(AppIdentity.of(app.tenantId, certReaderId, null, app.cloud),
                AppCertificate.read("reader.pfx", TestPki.pfxAes(readerCert, ""), null, SecretValue.empty(), clock));

        assertExchangeTokenWith(secrets.resolve(reference("exo-secret", Kind.SECRET), byCertificate));
    }

    @Test
    void resolvedObjectIsCachedForThePeriodAndNewVersionsAreNoticedAfterIt() throws Exception {
        vault.putCertificate(vaultName, "rotating", app.certificate, Format.PFX);
        KeyVaultReference ref = reference("rotating", Kind.CERTIFICATE);

        AppSecret first = secrets.resolve(ref, reader);
        AppSecret again = secrets.resolve(ref, reader);
        clock.advance(PERIOD.plusSeconds(1));
        AppSecret sameVersion = secrets.resolve(ref, reader);
        TestPki.Issued renewed = TestPki.selfSigned("renewed", TestPki.rsa(2048));
        vault.putCertificate(vaultName, "rotating", renewed, Format.PFX);
        AppSecret stillCached = secrets.resolve(ref, reader);
        clock.advance(PERIOD.plusSeconds(1));
        AppSecret rotated = secrets.resolve(ref, reader);

        assertThat(again).isSameAs(first);
        assertThat(sameVersion).as("an unchanged version is not parsed again").isSameAs(first);
        assertThat(stillCached).isSameAs(first);
        assertThat(((AppCertificate) rotated).chain().get(0)).isEqualTo(renewed.certificate());
        assertThat(vault.requests(vaultName, "rotating")).isEqualTo(3);
    }

    @Test
    void concurrentResolutionsShareOneRead() throws Exception {
        vault.putSecret(vaultName, "shared", app.secret, null);
        KeyVaultReference ref = reference("shared", Kind.SECRET);
        String vaultHost = vaultName + ".vault.azure.net";
        RequestGate gate = new RequestGate(vault.proxySelector(), uri -> vaultHost.equals(uri.getHost()));
        secrets.close();
        secrets = new KeyVaultSecrets(tokens, HttpSettings.defaults().withSslContext(vault.clientSslContext())
                .withProxy(gate, null), new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2),
                        Duration.ofSeconds(10)), clock, PERIOD);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch started = new CountDownLatch(32);
            List<Future<AppSecret>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    started.countDown();
                    return secrets.resolve(ref, reader);
                }));
            }
            // The read is held before it leaves until every caller has started: one that did not join it would
            // send a read of its own to the gate.
            gate.awaitArrivals(1, Duration.ofSeconds(30));
            assertThat(started.await(30, TimeUnit.SECONDS)).as("all callers started").isTrue();
            gate.open();
            AppSecret first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<AppSecret> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            gate.open();
            pool.shutdownNow();
        }
        assertThat(gate.arrivals()).isEqualTo(1);
        assertThat(vault.requests(vaultName, "shared")).isEqualTo(1);
    }

    @Test
    void cachedCopyIsUsedWhileTheVaultIsDown() throws Exception {
        vault.putSecret(vaultName, "resilient", app.secret, null);
        KeyVaultReference ref = reference("resilient", Kind.SECRET);
        AppSecret first = secrets.resolve(ref, reader);
        clock.advance(PERIOD.plusSeconds(1));
        vault.inject(Fault.status(503), Fault.status(503), Fault.status(503));

        AppSecret during = secrets.resolve(ref, reader);

        assertThat(during).isSameAs(first);
        assertThat(vault.requests(vaultName, "resilient")).isEqualTo(4);
    }

    @Test
    void withoutACachedCopyAnOutageIsReported() throws Exception {
        vault.putSecret(vaultName, "fragile", app.secret, null);
        vault.inject(Fault.status(503), Fault.status(503), Fault.status(503));

        assertThatThrownBy(() -> secrets.resolve(reference("fragile", Kind.SECRET), reader))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("Key Vault answered HTTP 503");
    }

    @Test
    void throttlingIsRetriedNoSoonerThanRetryAfter() throws Exception {
        vault.putSecret(vaultName, "busy", app.secret, null);
        KeyVaultReference ref = reference("busy", Kind.SECRET);
        vault.inject(Fault.throttled("1"));
        long started = System.nanoTime();

        assertThat(secrets.resolve(ref, reader)).isInstanceOf(ClientSecret.class);

        // A lower bound only: waiting less than the service asked is the defect; waiting longer is load.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(vault.requests(vaultName, "busy")).isEqualTo(2);
    }

    // ---- refusals ----

    @Test
    void readerWithoutPermissionIsToldWhichRoleToGrant() throws Exception {
        vault.putSecret(vaultName, "locked", app.secret, null);
        vault.revoke(vaultName, readerId);

        assertThatThrownBy(() -> secrets.resolve(reference("locked", Kind.SECRET), reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("AccessDenied");
                    assertThat(e.getMessage()).contains("app " + readerId, "may not read",
                            "Key Vault Secrets User", "'Get'").doesNotContain(app.secret, readerSecret);
                });
    }

    @Test
    void missingObjectOrVersionIsReportedAsNotFound() throws Exception {
        vault.putSecret(vaultName, "present", app.secret, null);

        assertThatThrownBy(() -> secrets.resolve(reference("absent", Kind.SECRET), reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("'absent'", "was not found", "check the name");
                });
        KeyVaultReference wrongVersion = KeyVaultReference.of(app.cloud, vault.vaultUrl(vaultName), "present",
                "0123456789abcdef0123456789abcdef", Kind.SECRET);
        assertThatThrownBy(() -> secrets.resolve(wrongVersion, reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("was not found", "and the version");
                });
    }

    @Test
    void disabledAndExpiredSecretsAreRefused() throws Exception {
        String version = vault.putSecret(vaultName, "off", app.secret, null);
        vault.disable(vaultName, "off", version);
        vault.putSecret(vaultName, "old", app.secret, null, null, Instant.now().minus(Duration.ofDays(1)), null);

        assertThatThrownBy(() -> secrets.resolve(reference("off", Kind.SECRET), reader))
                .isInstanceOfSatisfying(VaultRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("SecretDisabled"));
        assertThatThrownBy(() -> secrets.resolve(reference("old", Kind.SECRET), reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("SecretExpired");
                    assertThat(e.getMessage()).contains("expired on", "add a new version");
                });
    }

    @Test
    void contentThatDoesNotFitTheReferenceIsRefused() throws Exception {
        vault.putCertificateWithoutKey(vaultName, "no-key", app.certificate, Format.PFX);
        vault.putCertificate(vaultName, "a-cert", app.certificate, Format.PEM);
        vault.putSecret(vaultName, "text", "hello", "text/plain");

        assertThatThrownBy(() -> secrets.resolve(reference("no-key", Kind.CERTIFICATE), reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("NonExportableKey");
                    assertThat(e.getMessage()).contains("not exportable");
                });
        assertThatThrownBy(() -> secrets.resolve(reference("a-cert", Kind.SECRET), reader))
                .hasMessageContaining("reference it as a certificate");
        assertThatThrownBy(() -> secrets.resolve(reference("text", Kind.CERTIFICATE), reader))
                .hasMessageContaining("content type 'text/plain'");
    }

    @Test
    void tokenOfAnotherTenantIsRefusedAndAForeignChallengeIsNotFollowed() throws Exception {
        String foreignVault = "kv" + UUID.randomUUID().toString().substring(0, 8);
        vault.createVault(foreignVault, UUID.randomUUID().toString());
        vault.grant(foreignVault, readerId, "*");
        vault.putSecret(foreignVault, "x", app.secret, null);
        KeyVaultReference ref = KeyVaultReference.of(app.cloud, vault.vaultUrl(foreignVault), "x", null, Kind.SECRET);

        assertThatThrownBy(() -> secrets.resolve(ref, reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("refused the token of app " + readerId, "vault's tenant");
                });

        vault.challenge(foreignVault, "https://login.microsoftonline.com/other", "https://storage.azure.com");
        secrets.close();
        secrets = new KeyVaultSecrets(tokens, vault.clientSettings(), RetryPolicy.defaults(), clock, PERIOD);
        assertThatThrownBy(() -> secrets.resolve(ref, reader))
                .isInstanceOfSatisfying(VaultRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("ChallengeResourceMismatch");
                    assertThat(e.getMessage()).contains("https://storage.azure.com", "no token was sent for it");
                });
    }

    @Test
    void unknownVaultIsReportedAsUnreachable() throws Exception {
        KeyVaultReference ref = KeyVaultReference.of(app.cloud, "https://nosuchvault.vault.azure.net", "x", null,
                Kind.SECRET);

        assertThatThrownBy(() -> secrets.resolve(ref, reader))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("nosuchvault.vault.azure.net");
    }

    @Test
    void referencesOutsideTheCloudsVaultSuffixAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> KeyVaultReference.of(Cloud.GLOBAL, "https://contoso.vault.azure.cn", "x", null,
                        Kind.SECRET))
                .hasMessageContaining("is not in the global cloud, whose vaults end in .vault.azure.net");
        assertThatThrownBy(() -> KeyVaultReference.of(Cloud.GLOBAL, "https://attacker.example/vault.azure.net", "x",
                        null, Kind.SECRET))
                .hasMessageContaining("(https, no path)");
        assertThatThrownBy(() -> KeyVaultReference.of(Cloud.GLOBAL, "http://contoso.vault.azure.net", "x", null,
                        Kind.SECRET))
                .hasMessageContaining("(https, no path)");
        assertThatThrownBy(() -> KeyVaultReference.of(Cloud.GLOBAL, "https://vault.azure.net", "x", null, Kind.SECRET))
                .hasMessageContaining("is not in the global cloud");
        assertThatThrownBy(() -> KeyVaultReference.of(Cloud.GLOBAL, "https://contoso.vault.azure.net", "bad_name",
                        null, Kind.SECRET))
                .hasMessageContaining("1 to 127 letters, digits and dashes");
        assertThatThrownBy(() -> KeyVaultReference.of(Cloud.US_GOV_GCC_HIGH, "https://c.vault.usgovcloudapi.net", "x",
                        "v1", Kind.SECRET))
                .hasMessageContaining("32 hexadecimal digits");
    }
}
