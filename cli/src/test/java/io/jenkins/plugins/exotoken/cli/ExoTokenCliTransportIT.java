package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.HostileAnswer;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI against services that misbehave as a broken network or a hostile server would: every run
 * ends within the budget of its {@code --timeout} with one line saying what happened. Host names resolve only
 * through an empty hosts file ({@code jdk.net.hosts.file}), so an unknown name fails without any DNS query.
 */
class ExoTokenCliTransportIT {

    private static final String VAULT = "contoso-exo";
    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static TestApp app;
    private static String readerId;
    private static String readerSecret;
    private static Path trust;
    private static Path noHosts;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        entra = EntraSimulator.start();
        vault = KeyVaultSimulator.start(entra);
        app = new TestApp(entra);
        readerId = UUID.randomUUID().toString();
        readerSecret = "reader-" + UUID.randomUUID();
        entra.app(app.tenantId, readerId).secret(readerSecret);
        vault.createVault(VAULT, app.tenantId);
        vault.grant(VAULT, readerId, "*");
        vault.putSecret(VAULT, "exo-secret", app.secret, null);
        trust = dir.resolve("trust.p12");
        Files.write(trust, TestPki.trustStore(entra.caCertificate(), "changeit"));
        noHosts = dir.resolve("hosts");
        Files.writeString(noHosts, "# no names: every name is unknown\n");
    }

    @AfterAll
    static void stop() {
        vault.close();
        entra.close();
    }

    @BeforeEach
    void reset() {
        entra.resetCounts();
        vault.resetCounts();
    }

    private static CliProcess cli(String... extraJvmOptions) {
        List<String> options = new ArrayList<>(List.of("-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=changeit", "-Djdk.net.hosts.file=" + noHosts));
        options.addAll(Arrays.asList(extraJvmOptions));
        return new CliProcess(options);
    }

    /** Vault hosts through the simulator's mapping proxy; the login host 127.0.0.1 goes direct. */
    private static CliProcess cliWithVaultProxy() {
        return cli("-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + vault.proxy().address().getPort());
    }

    private static List<String> token(String authorityHost, String... more) {
        List<String> all = new ArrayList<>(List.of("token", "--tenant", app.tenantId, "--client-id", app.clientId,
                "--cloud", "custom", "--authority-host", authorityHost));
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static List<String> tokenFromVault(String... more) {
        List<String> all = token(entra.authorityHost(), "--key-vault-url", vault.vaultUrl(VAULT),
                "--key-vault-secret", "exo-secret", "--vault-tenant", app.tenantId, "--vault-client-id", readerId,
                "--vault-client-secret-env", "VAULT_READER_SECRET");
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static void assertOneLineError(CliProcess.Result result, int exit, String... fragments) {
        assertThat(result.exit()).as(result.err()).isEqualTo(exit);
        assertThat(result.err()).startsWith("error: ").contains(fragments).doesNotContain("\tat ", "Exception in");
        assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aTimeoutAboveTheMaximumIsRefusedWithExit2BeforeAnyRequest() throws Exception {
        CliProcess.Result result = cli().run(Map.of("SECRET", app.secret),
                token(entra.authorityHost(), "--client-secret-env", "SECRET", "--timeout", "301"));

        assertOneLineError(result, 2, "--timeout must be between 1 and 300 seconds");
        assertThat(entra.tokenRequests()).isZero();
    }

    @Test
    void aVaultDrippingItsBodyEndsEachAttemptAtTheTimeoutAndTheRunWithinTheBudget() throws Exception {
        String body = "{\"value\":\"" + "x".repeat(5000) + "\"}";
        for (int i = 0; i < 4; i++) { // one per attempt of the default policy
            vault.injectHostile(HostileAnswer.drip(Duration.ofMillis(200), body));
        }
        long started = System.nanoTime();

        CliProcess.Result result = cliWithVaultProxy().run(Map.of("VAULT_READER_SECRET", readerSecret),
                tokenFromVault("--timeout", "2"));

        assertOneLineError(result, 1, "after 4 attempts", "no complete answer from "
                + VAULT + ".vault.azure.net within 2 s");
        // budget: 4 × 2 s + 30 s of waiting at most (the backoff waits 1 + 2 + 4 s); CliProcess gives up at 60 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(55));
    }

    @Test
    void aHugeTokenAnswerIsCutAtTheCapInASmallHeap() throws Exception {
        entra.injectHostile(HostileAnswer.oversized(64 * 1024 * 1024));

        CliProcess.Result result = cli("-Xmx48m").run(Map.of("SECRET", app.secret),
                token(entra.authorityHost(), "--client-secret-env", "SECRET"));

        assertOneLineError(result, 1, "larger than 256 KiB");
    }

    @Test
    void anUnresolvableLoginHostIsReportedAsSuchWithoutRetries() throws Exception {
        CliProcess.Result result = cli().run(Map.of("SECRET", app.secret),
                token("https://login.nosuchhost.invalid", "--client-secret-env", "SECRET"));

        assertOneLineError(result, 1, "cannot resolve host login.nosuchhost.invalid: check the name, DNS or proxy");
        assertThat(result.err()).doesNotContain("attempt");
    }

    @Test
    void anUnresolvableVaultHostIsReportedAsSuchWithoutRetries() throws Exception {
        CliProcess.Result result = cli().run(Map.of("VAULT_READER_SECRET", readerSecret), tokenFromVault());

        assertOneLineError(result, 1, "cannot resolve host " + VAULT + ".vault.azure.net: check the name, DNS or"
                + " proxy");
        assertThat(result.err()).doesNotContain("attempt");
    }

    @Test
    void anUnresolvableManagedIdentityHostIsReportedAsSuchWithoutRetries() throws Exception {
        List<String> args = token(entra.authorityHost(), "--key-vault-url", vault.vaultUrl(VAULT),
                "--key-vault-secret", "exo-secret", "--vault-managed-identity");

        CliProcess.Result result = cli().run(Map.of("IDENTITY_ENDPOINT", "http://mi.nosuchhost.invalid/msi/token",
                "IDENTITY_HEADER", "header"), args);

        assertOneLineError(result, 1, "cannot resolve host mi.nosuchhost.invalid: check the name, DNS or proxy");
        assertThat(result.err()).doesNotContain("attempt");
    }
}
