package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator.Format;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code exo-token exec} hands its command: the token and its context, not the variables the long-lived
 * secrets were read from, and never a token under a name that decides what the command runs.
 */
class ExecEnvironmentCliIT {

    private static final String VAULT = "contoso-exo";
    private static final String PASSWORD = "Export-Pa55!";
    // Prints each named variable, or <unset>, one a line, into the file given as $1.
    private static final String SHOW = "for v in $VARS; do eval \"printf '%s\\n' \\\"\\${$v-<unset>}\\\"\"; done > \"$1\"";
    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static TestApp app;
    private static CliProcess cli;
    private static String readerId;
    private static String readerSecret;
    private static String certificateReaderId;
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
        certificateReaderId = UUID.randomUUID().toString();
        TestPki.Issued readerCertificate = TestPki.selfSigned("vault reader", TestPki.rsa(2048));
        entra.app(app.tenantId, certificateReaderId).certificate(readerCertificate.certificate());
        Files.write(dir.resolve("reader.pfx"), TestPki.pfxAes(readerCertificate, PASSWORD));
        vault.createVault(VAULT, app.tenantId);
        vault.grant(VAULT, readerId, "*");
        vault.grant(VAULT, certificateReaderId, "*");
        vault.putSecret(VAULT, "exo-secret", app.secret, null);
        Files.write(dir.resolve("app.pfx"), TestPki.pfxAes(app.certificate, PASSWORD));
        Path trust = dir.resolve("trust.p12");
        Files.write(trust, TestPki.trustStore(entra.caCertificate(), "changeit"));
        cli = new CliProcess(List.of("-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + vault.proxy().address().getPort()));
    }

    @AfterAll
    static void stop() {
        vault.close();
        entra.close();
    }

    private static List<String> exec(List<String> secretOptions, String... more) {
        List<String> all = new ArrayList<>(List.of("exec", "--tenant", app.tenantId, "--client-id", app.clientId,
                "--cloud", "custom", "--authority-host", entra.authorityHost()));
        all.addAll(secretOptions);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** Runs exec with the command printing {@code variables}; returns what it printed, one line each. */
    private static List<String> seenByTheCommand(Map<String, String> environment, List<String> secretOptions,
            String... variables) throws Exception {
        Path seen = Files.createTempFile(dir, "seen", ".txt");
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("VARS", String.join(" ", variables));
        CliProcess.Result result = cli.run(env, exec(secretOptions, "--", "sh", "-c", SHOW, "sh", seen.toString()));
        assertThat(result.exit()).as(result.err()).isZero();
        return Files.readAllLines(seen);
    }

    @Test
    void theClientSecretVariableIsRemovedAndTheRestInherited() throws Exception {
        List<String> seen = seenByTheCommand(Map.of("EXO_SECRET", app.secret, "KEEP_ME", "kept"),
                List.of("--client-secret-env", "EXO_SECRET"), "EXO_SECRET", "KEEP_ME", "EXO_APP_ID");

        assertThat(seen).containsExactly("<unset>", "kept", app.clientId);
    }

    @Test
    void theCertificatePasswordVariableIsRemoved() throws Exception {
        List<String> seen = seenByTheCommand(Map.of("PFX_PASSWORD", PASSWORD),
                List.of("--certificate", dir.resolve("app.pfx").toString(), "--password-env", "PFX_PASSWORD"),
                "PFX_PASSWORD", "EXO_ORGANIZATION");

        assertThat(seen).containsExactly("<unset>", app.tenantId);
    }

    @Test
    void theVaultReadersSecretVariableIsRemoved() throws Exception {
        List<String> seen = seenByTheCommand(Map.of("VAULT_READER_SECRET", readerSecret),
                List.of("--key-vault-url", vault.vaultUrl(VAULT), "--key-vault-secret", "exo-secret",
                        "--vault-tenant", app.tenantId, "--vault-client-id", readerId,
                        "--vault-client-secret-env", "VAULT_READER_SECRET"),
                "VAULT_READER_SECRET", "EXO_APP_ID");

        assertThat(seen).containsExactly("<unset>", app.clientId);
    }

    @Test
    void theVaultReadersCertificatePasswordVariableIsRemoved() throws Exception {
        List<String> seen = seenByTheCommand(Map.of("READER_PFX_PASSWORD", PASSWORD),
                List.of("--key-vault-url", vault.vaultUrl(VAULT), "--key-vault-secret", "exo-secret",
                        "--vault-tenant", app.tenantId, "--vault-client-id", certificateReaderId,
                        "--vault-certificate", dir.resolve("reader.pfx").toString(),
                        "--vault-password-env", "READER_PFX_PASSWORD"),
                "READER_PFX_PASSWORD", "EXO_APP_ID");

        assertThat(seen).containsExactly("<unset>", app.clientId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "LD_PRELOAD", "BASH_ENV", "JAVA_TOOL_OPTIONS", "EXO_APP_ID", "EXO_ORGANIZATION",
        "", "1BAD"})
    void aTokenVariableThatCollidesIsDangerousOrEmptyIsRefusedBeforeAnyRequest(String name) throws Exception {
        Path ran = dir.resolve("ran-" + UUID.randomUUID());
        int before = entra.tokenRequests();

        CliProcess.Result result = cli.run(Map.of("EXO_SECRET", app.secret), exec(
                List.of("--client-secret-env", "EXO_SECRET"), "--token-variable", name,
                "--", "sh", "-c", "touch \"$1\"", "sh", ran.toString()));

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Token variable").hasLineCount(1)
                .doesNotContain("\tat ");
        assertThat(ran).doesNotExist();
        assertThat(entra.tokenRequests()).isEqualTo(before);
    }

    @Test
    void aStrayArgumentBeforeTheDoubleDashIsRefusedWithoutRepeatingItOrRunningAnything() throws Exception {
        String typed = "Typed~S3cret.Value_42";
        Path ran = dir.resolve("ran-" + UUID.randomUUID());

        CliProcess.Result result = cli.run(Map.of("EXO_SECRET", app.secret), exec(
                List.of("--client-secret-env", "EXO_SECRET"), typed,
                "--", "sh", "-c", "touch \"$1\"", "sh", ran.toString()));

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: exec runs the command given after --").hasLineCount(1)
                .doesNotContain(typed);
        assertThat(ran).doesNotExist();
    }
}
