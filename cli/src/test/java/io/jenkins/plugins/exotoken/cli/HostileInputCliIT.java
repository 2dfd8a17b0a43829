package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged CLI against input a hostile or careless user gives it: files that are not files, secrets typed
 * on the command line, values with line breaks. Each is refused with exit 2 and one line on stderr, before any
 * request, without repeating a secret and without letting a value forge a line.
 */
class HostileInputCliIT {

    private static final String SECRET = "Typed~S3cret.Value_42";
    private static EntraSimulator simulator;
    private static TestApp app;
    private static CliProcess cli;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        simulator = EntraSimulator.start();
        app = new TestApp(simulator);
        Path trust = dir.resolve("trust.p12");
        Files.write(trust, TestPki.trustStore(simulator.caCertificate(), "changeit"));
        // A small heap: before the cap, /dev/zero ran into OutOfMemoryError quickly instead of after a long while.
        cli = new CliProcess(List.of("-Xmx64m", "-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12"));
        Files.write(dir.resolve("app.pfx"), TestPki.pfxAes(app.certificate, ""));
        Files.writeString(dir.resolve("app.crt"), TestPki.pemCertificates(app.certificate.chain()));
        Files.writeString(dir.resolve("secret.txt"), app.secret, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static List<String> token(String... more) {
        List<String> all = new ArrayList<>(List.of("token", "--tenant", app.tenantId, "--client-id", app.clientId,
                "--cloud", "custom", "--authority-host", simulator.authorityHost()));
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void assertOneLineUsageError(CliProcess.Result result, String... fragments) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").hasLineCount(1).contains(fragments)
                .doesNotContain("\tat ", "Exception", "error: Error:");
        assertThat(result.out()).isEmpty();
    }

    // ---- files that are not regular files ----

    private static Path namedPipe(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        return fifo;
    }

    @ParameterizedTest
    @ValueSource(strings = {"--certificate", "--key", "--password-file", "--client-secret-file",
        "--vault-certificate"})
    void aNamedPipeWithoutWriterIsRefusedInsteadOfBlocking(String option) throws Exception {
        String fifo = namedPipe("pipe" + option).toString();
        List<String> args = switch (option) {
            case "--key" -> token("--certificate", file("app.crt"), "--key", fifo);
            case "--password-file" -> token("--certificate", file("app.pfx"), "--password-file", fifo);
            case "--vault-certificate" -> token("--key-vault-url", "https://contoso.vault.azure.net",
                    "--key-vault-secret", "exo", "--vault-tenant", app.tenantId, "--vault-client-id", app.clientId,
                    "--vault-certificate", fifo);
            default -> token(option, fifo);
        };
        int before = simulator.tokenRequests();

        CliProcess.Result result = cli.run(Map.of(), args);

        assertOneLineUsageError(result, fifo, "is not a regular file");
        assertThat(simulator.tokenRequests()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--certificate", "--client-secret-file", "--password-file"})
    void anEndlessDeviceIsRefusedInsteadOfRunningOutOfMemory(String option) throws Exception {
        List<String> args = option.equals("--password-file")
                ? token("--certificate", file("app.pfx"), "--password-file", "/dev/zero")
                : token(option, "/dev/zero");

        assertOneLineUsageError(cli.run(Map.of(), args), "/dev/zero is not a regular file");
    }

    // ---- secrets typed on the command line are not echoed ----

    @ParameterizedTest
    @ValueSource(strings = {"--client-secret=" + SECRET, "--client-secret " + SECRET, "--clientsecret=" + SECRET})
    void aClientSecretOptionIsRefusedWithoutRepeatingTheSecret(String typed) throws Exception {
        CliProcess.Result result = cli.run(Map.of(), token(typed.split(" ")));

        assertOneLineUsageError(result, "--client-secret-env VAR or --client-secret-file FILE");
        assertThat(result.err()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--password=" + SECRET, "--pfx-password " + SECRET})
    void aPasswordOptionIsRefusedWithoutRepeatingThePassword(String typed) throws Exception {
        List<String> args = token("--certificate", file("app.pfx"));
        args.addAll(List.of(typed.split(" ")));

        CliProcess.Result result = cli.run(Map.of(), args);

        assertOneLineUsageError(result, "--password-env VAR or --password-file FILE");
        assertThat(result.err()).doesNotContain(SECRET);
    }

    @Test
    void aStrayArgumentIsRefusedWithoutRepeatingIt() throws Exception {
        CliProcess.Result result = cli.run(Map.of("S", app.secret), token("--client-secret-env", "S", SECRET));

        assertOneLineUsageError(result, "unexpected argument at word 12", "not repeated",
                "Secrets are read only from environment variables or files");
        assertThat(result.err()).doesNotContain(SECRET);
    }

    @Test
    void anOptionThatStartsLikeAnOptionButIsNoNameIsNotRepeated() throws Exception {
        String dashed = "-" + SECRET;
        CliProcess.Result result = cli.run(Map.of("S", app.secret), token("--client-secret-env", "S", dashed));

        assertOneLineUsageError(result, "unknown option");
        assertThat(result.err()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--client-secret-env", "--password-env", "--vault-client-secret-env",
        "--vault-password-env"})
    void aSecretGivenWhereAVariableNameBelongsIsRefusedWithoutRepeatingIt(String option) throws Exception {
        List<String> args = switch (option) {
            case "--password-env" -> token("--certificate", file("app.pfx"), option, SECRET);
            case "--vault-client-secret-env" -> token("--key-vault-url", "https://contoso.vault.azure.net",
                    "--key-vault-secret", "exo", "--vault-tenant", app.tenantId, "--vault-client-id", app.clientId,
                    option, SECRET);
            case "--vault-password-env" -> token("--key-vault-url", "https://contoso.vault.azure.net",
                    "--key-vault-secret", "exo", "--vault-tenant", app.tenantId, "--vault-client-id", app.clientId,
                    "--vault-certificate", file("app.pfx"), option, SECRET);
            default -> token(option, SECRET);
        };

        CliProcess.Result result = cli.run(Map.of(), args);

        assertOneLineUsageError(result, "'" + option + "'", "takes the name of an environment variable",
                "not the secret itself");
        assertThat(result.err()).doesNotContain(SECRET);
    }

    // ---- one line means one line ----

    @ParameterizedTest
    @ValueSource(strings = {"--tenant", "--organization", "--authority-host", "--scope", "--vault-tenant",
        "--environment-name", "--resource"})
    void aLineBreakInAValueCannotForgeAnErrorLine(String option) throws Exception {
        String forged = "x\nerror: forged\r";
        List<String> args = new ArrayList<>(List.of("token", "--client-id", app.clientId, "--cloud", "custom"));
        args.addAll(option.equals("--tenant") ? List.of("--tenant", "contoso.onmicrosoft.com" + forged + "x")
                : List.of("--tenant", app.tenantId));
        args.addAll(option.equals("--authority-host")
                ? List.of("--authority-host", simulator.authorityHost() + forged + "x")
                : List.of("--authority-host", simulator.authorityHost()));
        switch (option) {
            case "--organization" -> args.addAll(List.of(option, "contoso.com" + forged + "x"));
            case "--scope" -> args.addAll(List.of(option, "https://outlook.office365.com" + forged + "/.default"));
            case "--resource" -> args.addAll(List.of(option, "https://contoso.sharepoint.com" + forged + "x"));
            case "--environment-name" -> args.addAll(List.of(option, "O365Default" + forged + "x"));
            default -> { }
        }
        if (option.equals("--vault-tenant")) {
            args.addAll(List.of("--key-vault-url", "https://contoso.vault.azure.net", "--key-vault-secret", "exo",
                    "--vault-tenant", "contoso.onmicrosoft.com" + forged + "x", "--vault-client-id", app.clientId,
                    "--vault-client-secret-env", "S"));
        } else {
            args.addAll(List.of("--client-secret-env", "S"));
        }
        int before = simulator.tokenRequests();

        CliProcess.Result result = cli.run(Map.of("S", app.secret), args);

        assertOneLineUsageError(result, "x\\nerror: forged\\r");
        assertThat(simulator.tokenRequests()).isEqualTo(before);
    }

    @Test
    void usageErrorsAreOneLineWithTheHelpHintAndNoDoubledPrefix() throws Exception {
        CliProcess.Result missingSecret = cli.run(Map.of(), token());
        CliProcess.Result both = cli.run(Map.of(), token("--client-secret-env", "A", "--certificate", file("app.pfx")));
        CliProcess.Result unknownCommand = cli.run(Map.of(), List.of("tokn"));

        assertOneLineUsageError(missingSecret, "Missing required argument",
                "Try 'exo-token token --help' for the options.");
        assertOneLineUsageError(both, "mutually exclusive", "Try 'exo-token token --help' for the options.");
        assertOneLineUsageError(unknownCommand, "Unknown command: use one of inspect, token, exec",
                "Try 'exo-token --help'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "0", "65536"})
    void anAuthorityHostWithAnInvalidPortIsInvalidInput(String port) throws Exception {
        List<String> args = new ArrayList<>(List.of("token", "--tenant", app.tenantId, "--client-id", app.clientId,
                "--cloud", "custom", "--authority-host", "https://127.0.0.1:" + port, "--client-secret-env", "S"));

        assertOneLineUsageError(cli.run(Map.of("S", app.secret), args), "a port from 1 to 65535");
    }

    @Test
    void aRefusedTokenForAnExpiredCertificatePrintsOnlyTheError() throws Exception {
        TestPki.Issued expired = TestPki.selfSigned("expired", TestPki.rsa(2048),
                Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(2)));
        Files.write(dir.resolve("expired.pfx"), TestPki.pfxAes(expired, ""));

        CliProcess.Result result = cli.run(Map.of(), token("--certificate", file("expired.pfx")));

        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").hasLineCount(1).doesNotContain("warning:");
    }
}
