package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator.Format;
import io.jenkins.plugins.exotoken.core.testing.Leaks;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI with {@code --debug} against endpoints that echo the request (a misbehaving proxy): stderr
 * carries the error, the stack trace and the FINE logs of core and msal4j, but none of the client secret (from
 * the environment), the PFX password, the client assertion or any token.
 */
class DebugRedactionIT {

    private static final String PASSWORD = "pfx-" + UUID.randomUUID();
    /** Characters that form encoding changes: '~' (%7E), ' ' ('+' or %20), '+', '/', '='. */
    private static final String SECRET = "Cq8~W" + UUID.randomUUID() + " p+q/r=";
    private static final String VAULT = "contoso-echo";

    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static String tenantId;
    private static String clientId;
    private static String readerId;
    private static String readerSecret;
    private static CliProcess cli;
    private static Map<String, String> secrets;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        entra = EntraSimulator.start();
        vault = KeyVaultSimulator.start(entra);
        tenantId = UUID.randomUUID().toString();
        clientId = UUID.randomUUID().toString();
        readerId = UUID.randomUUID().toString();
        readerSecret = "reader~" + UUID.randomUUID();
        TestPki.Issued certificate = TestPki.selfSigned("exo-token echo test", TestPki.rsa(2048));
        entra.tenant(tenantId, "contoso-echo.onmicrosoft.com");
        entra.app(tenantId, clientId).certificate(certificate.certificate()).secret(SECRET)
                .roles("https://outlook.office365.com", "Exchange.ManageAsApp");
        entra.app(tenantId, readerId).secret(readerSecret);
        vault.createVault(VAULT, tenantId);
        vault.grant(VAULT, readerId, "*");
        vault.putCertificate(VAULT, "exo-app", certificate, Format.PFX);
        Files.write(dir.resolve("app.pfx"), TestPki.pfxAes(certificate, PASSWORD));
        Path trust = dir.resolve("trust.p12");
        Files.write(trust, TestPki.trustStore(entra.caCertificate(), "changeit"));
        cli = new CliProcess(List.of("-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + vault.proxy().address().getPort()));
        secrets = Map.of("client secret", SECRET, "PFX password", PASSWORD, "vault reader's secret", readerSecret);
    }

    @AfterAll
    static void stop() {
        vault.close();
        entra.close();
    }

    private static List<String> token(String... more) {
        List<String> args = new ArrayList<>(List.of("token", "--debug", "--tenant", tenantId, "--client-id", clientId,
                "--cloud", "custom", "--authority-host", entra.authorityHost()));
        args.addAll(List.of(more));
        return args;
    }

    private static void assertDebugOutputWithoutSecrets(CliProcess.Result result, String... fragments) {
        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).containsPattern("(?m)^error: ").contains(fragments)
                .contains("\tat ") // the stack trace
                .contains("debug: FINE com.microsoft.aad.msal4j."); // msal4j's slf4j debug output, through JUL
        assertThat(Leaks.in(result.err(), secrets)).as(result.err()).isEmpty();
        assertThat(result.out()).isEmpty();
    }

    @Test
    void echoedClientSecretFromTheEnvironmentIsMasked() throws Exception {
        entra.inject(Fault.echo(400));

        CliProcess.Result result = cli.run(Map.of("EXO_SECRET", SECRET), token("--client-secret-env", "EXO_SECRET"));

        assertDebugOutputWithoutSecrets(result, "AADSTS900144", "client_secret=****");
    }

    @Test
    void echoedClientAssertionIsMasked() throws Exception {
        entra.inject(Fault.echo(401));

        CliProcess.Result result = cli.run(Map.of("PFX_PASSWORD", PASSWORD),
                token("--certificate", dir.resolve("app.pfx").toString(), "--password-env", "PFX_PASSWORD"));

        assertDebugOutputWithoutSecrets(result, "AADSTS900144", "client_assertion=****");
    }

    @Test
    void echoedVaultBearerTokenIsMasked() throws Exception {
        vault.inject(Fault.echo(401));

        CliProcess.Result result = cli.run(Map.of("READER_SECRET", readerSecret), token(
                "--key-vault-url", vault.vaultUrl(VAULT), "--key-vault-certificate", "exo-app",
                "--vault-tenant", tenantId, "--vault-client-id", readerId, "--vault-client-secret-env", "READER_SECRET"));

        assertDebugOutputWithoutSecrets(result, "Key Vault refused the token", "Bearer ****");
    }

    @Test
    void successfulRunPrintsTheTokenOnStdoutOnlyAndNoneOnStderr() throws Exception {
        CliProcess.Result result = cli.run(Map.of("EXO_SECRET", SECRET), token("--client-secret-env", "EXO_SECRET"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("eyJ");
        assertThat(result.err()).contains("debug: FINE com.microsoft.aad.msal4j.");
        assertThat(Leaks.in(result.err(), secrets)).as(result.err()).isEmpty();
    }
}
