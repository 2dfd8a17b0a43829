package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Black-box tests of the packaged CLI against the Entra ID simulator. */
class ExoTokenCliIT {

    private static final String PASSWORD = "Export-Pa55!";
    private static EntraSimulator simulator;
    private static TestApp app;
    private static CliProcess cli;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        simulator = EntraSimulator.start();
        app = new TestApp(simulator);
        simulator.resource("https://contoso.sharepoint.com");
        Path trust = dir.resolve("trust.p12");
        Files.write(trust, TestPki.trustStore(simulator.caCertificate(), "changeit"));
        // The JVM's standard trust-store properties: what an admin behind a TLS-inspecting proxy also uses.
        cli = new CliProcess(List.of("-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12"));
        write("app.pfx", TestPki.pfxAes(app.certificate, PASSWORD));
        write("legacy.pfx", TestPki.pfxLegacy(app.certificate, PASSWORD, TestPki.LegacyPbe.RC2_40_AND_3DES));
        write("nopassword.pfx", TestPki.pfxAes(app.certificate, ""));
        write("vault-value.txt", Base64.getEncoder().encode(TestPki.pfxAes(app.certificate, "")));
        write("bundle.pem", TestPki.pemPkcs1(app.certificate.privateKey())
                + TestPki.pemCertificates(app.certificate.chain()));
        write("encrypted.pem", TestPki.pemCertificates(app.certificate.chain())
                + TestPki.pemPkcs8Encrypted(app.certificate.privateKey(), PASSWORD));
        write("app.crt", TestPki.pemCertificates(app.certificate.chain()));
        write("app.key", TestPki.pemPkcs8(app.certificate.privateKey()));
        write("password.txt", PASSWORD + "\n");
        write("secret.txt", app.secret + "\n");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void write(String name, byte[] bytes) throws Exception {
        Files.write(dir.resolve(name), bytes);
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static List<String> identity() {
        return List.of("--tenant", app.tenantId, "--client-id", app.clientId,
                "--organization", "contoso.onmicrosoft.com",
                "--cloud", "custom", "--authority-host", simulator.authorityHost());
    }

    private static List<String> args(String command, List<String> more, String... extra) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(identity());
        all.addAll(more);
        all.addAll(Arrays.asList(extra));
        return all;
    }

    private static CliProcess.Result run(Map<String, String> env, List<String> args) throws Exception {
        return cli.run(env, args);
    }

    private static void assertOneLineError(CliProcess.Result result, int exit, String... fragments) {
        assertThat(result.exit()).as(result.err()).isEqualTo(exit);
        assertThat(result.err()).startsWith("error: ").contains(fragments).doesNotContain("\tat ", "Exception in")
                .hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }

    /** A token of the test app for Exchange, printed alone on stdout. */
    private static void assertExchangeToken(CliProcess.Result result) throws Exception {
        assertThat(result.exit()).as(result.err()).isZero();
        JWTClaimsSet claims = simulator.verifyIssued(result.out().strip());
        assertThat(claims.getAudience()).containsExactly("https://outlook.office365.com");
        assertThat(claims.getStringClaim("appid")).isEqualTo(app.clientId);
    }

    // ---- token, with every certificate format and with secrets ----

    @ParameterizedTest
    @ValueSource(strings = {"app.pfx", "legacy.pfx", "encrypted.pem"})
    void tokenFromPasswordProtectedCertificates(String name) throws Exception {
        CliProcess.Result result = run(Map.of("PFX_PASSWORD", PASSWORD),
                args("token", List.of("--certificate", file(name), "--password-env", "PFX_PASSWORD")));

        assertExchangeToken(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nopassword.pfx", "vault-value.txt", "bundle.pem"})
    void tokenFromCertificatesWithoutPassword(String name) throws Exception {
        CliProcess.Result result = run(Map.of(), args("token", List.of("--certificate", file(name))));

        assertExchangeToken(result);
    }

    @Test
    void tokenFromSeparateCertificateAndKeyFiles() throws Exception {
        CliProcess.Result result = run(Map.of(),
                args("token", List.of("--certificate", file("app.crt"), "--key", file("app.key"))));

        assertExchangeToken(result);
    }

    @Test
    void tokenFromEncryptedPemWithPasswordFile() throws Exception {
        CliProcess.Result result = run(Map.of(), args("token",
                List.of("--certificate", file("encrypted.pem"), "--password-file", file("password.txt"))));

        assertExchangeToken(result);
    }

    @Test
    void tokenFromClientSecretInEnvironmentOrFileAsJson() throws Exception {
        CliProcess.Result fromEnv = run(Map.of("EXO_SECRET", app.secret),
                args("token", List.of("--client-secret-env", "EXO_SECRET", "--resource", "graph", "--json")));
        CliProcess.Result fromFile = run(Map.of(),
                args("token", List.of("--client-secret-file", file("secret.txt"),
                        "--scope", "https://contoso.sharepoint.com/.default")));

        assertThat(fromEnv.exit()).as(fromEnv.err()).isZero();
        Map<String, Object> json = JSONObjectUtils.parse(fromEnv.out());
        assertThat(json).containsOnlyKeys("accessToken", "tokenType", "expiresOn", "scope")
                .containsEntry("tokenType", "Bearer")
                .containsEntry("scope", "https://graph.microsoft.com/.default");
        JWTClaimsSet claims = simulator.verifyIssued((String) json.get("accessToken"));
        assertThat(claims.getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(Instant.parse((String) json.get("expiresOn")))
                .isCloseTo(claims.getExpirationTime().toInstant(), org.assertj.core.api.Assertions.within(
                        2, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        assertThat(simulator.verifyIssued(fromFile.out().strip()).getAudience())
                .containsExactly("https://contoso.sharepoint.com");
    }

    @Test
    void exchangeTokenWithoutApplicationRolesWarnsOnStderr() throws Exception {
        String unconsented = java.util.UUID.randomUUID().toString();
        simulator.app(app.tenantId, unconsented).secret("unconsented-secret");
        List<String> noRolesApp = List.of("token", "--tenant", app.tenantId, "--client-id", unconsented,
                "--cloud", "custom", "--authority-host", simulator.authorityHost(), "--client-secret-env", "S");

        CliProcess.Result result = cli.run(Map.of("S", "unconsented-secret"), noRolesApp);
        CliProcess.Result consented = run(Map.of("EXO_SECRET", app.secret),
                args("token", List.of("--client-secret-env", "EXO_SECRET")));

        assertThat(result.exit()).isZero();
        simulator.verifyIssued(result.out().strip());
        assertThat(result.err()).startsWith("warning: the token carries no application roles")
                .contains("Exchange.ManageAsApp");
        assertThat(consented.err()).isEmpty();
    }

    // ---- exec ----

    @Test
    void execRunsTheCommandWithTheTokenEnvironmentAndReturnsItsStatus() throws Exception {
        Path seen = dir.resolve("seen-env.txt");
        CliProcess.Result result = run(Map.of("EXO_SECRET", app.secret), args("exec",
                List.of("--client-secret-env", "EXO_SECRET", "--token-variable", "GRAPH_TOKEN", "--resource", "graph",
                        "--", "sh", "-c",
                        "printf '%s\\n' \"$GRAPH_TOKEN\" \"$EXO_TOKEN_EXPIRES_ON\" \"$EXO_ORGANIZATION\" \"$EXO_APP_ID\""
                                + " \"$EXO_TENANT_ID\" \"$EXO_ENVIRONMENT_NAME\" > \"$1\"; echo done; exit 7",
                        "sh", seen.toString())));

        assertThat(result.exit()).as(result.err()).isEqualTo(7);
        assertThat(result.out()).isEqualTo("done\n");
        List<String> lines = Files.readAllLines(seen);
        assertThat(simulator.verifyIssued(lines.get(0)).getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(lines.get(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(lines.subList(2, 6)).containsExactly("contoso.onmicrosoft.com", app.clientId, app.tenantId,
                "O365Default");
    }

    @Test
    void execOfAMissingCommandIsInvalidInput() throws Exception {
        CliProcess.Result result = run(Map.of("EXO_SECRET", app.secret), args("exec",
                List.of("--client-secret-env", "EXO_SECRET", "--", "no-such-command-exo")));

        assertOneLineError(result, 2, "Cannot run 'no-such-command-exo'");
    }

    // ---- inspect ----

    @Test
    void inspectShowsThumbprintAndValidityWithoutNetwork() throws Exception {
        CliProcess.Result text = cli.run(Map.of("PW", PASSWORD),
                List.of("inspect", "--certificate", file("app.pfx"), "--password-env", "PW"));
        CliProcess.Result json = cli.run(Map.of("PW", PASSWORD),
                List.of("inspect", "--certificate", file("app.pfx"), "--password-env", "PW", "--json"));

        String thumbprint = app.certificateCredential().info().thumbprintSha1();
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Thumbprint   " + thumbprint, "CN=exo-token test app", "RSA 2048 bits",
                "private key present", "Status       usable");
        Map<String, Object> parsed = JSONObjectUtils.parse(json.out());
        assertThat(parsed).containsEntry("thumbprint", thumbprint).containsEntry("usable", true)
                .containsEntry("format", "PKCS12");
        assertThat(JSONObjectUtils.getJSONArray(parsed, "errors")).isEmpty();
    }

    @Test
    void inspectOfACertificateWithoutKeyFailsWithExit2() throws Exception {
        CliProcess.Result result = cli.run(Map.of(), List.of("inspect", "--certificate", file("app.crt")));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).contains("no private key", "not usable");
        assertThat(result.err()).contains("error: The certificate", "without its private key");
    }

    @Test
    void inspectWarnsOfExpiryButExitsZero() throws Exception {
        TestPki.Issued expiring = TestPki.selfSigned("soon", TestPki.rsa(2048),
                Instant.now().minus(Duration.ofDays(300)), Instant.now().plus(Duration.ofDays(5)));
        write("soon.pfx", TestPki.pfxAes(expiring, ""));

        CliProcess.Result result = cli.run(Map.of(), List.of("inspect", "--certificate", file("soon.pfx")));

        assertThat(result.exit()).isZero();
        assertThat(result.err()).startsWith("warning: The certificate expires on");
    }

    // ---- bad input: exit 2, one line, no stack trace ----

    @Test
    void wrongPasswordIsExit2() throws Exception {
        assertOneLineError(run(Map.of("PW", "wrong"),
                        args("token", List.of("--certificate", file("app.pfx"), "--password-env", "PW"))),
                2, "The password for certificate file", "is wrong");
    }

    @Test
    void corruptCertificatesAreExit2() throws Exception {
        byte[] pfx = Files.readAllBytes(dir.resolve("app.pfx"));
        write("truncated.pfx", Arrays.copyOf(pfx, pfx.length - 300));
        byte[] random = new byte[4096];
        new SecureRandom().nextBytes(random);
        random[0] = 0x01;
        write("random.bin", random);

        assertOneLineError(run(Map.of(), args("token", List.of("--certificate", file("truncated.pfx")))), 2,
                "corrupt or truncated");
        assertOneLineError(run(Map.of(), args("token", List.of("--certificate", file("random.bin")))), 2,
                "neither a PFX/PKCS#12 file nor PEM text");
    }

    @Test
    void unusableCertificatesAreExit2BeforeAnyNetworkCall() throws Exception {
        TestPki.Issued ec = TestPki.selfSigned("ec", TestPki.ec());
        TestPki.Issued other = TestPki.selfSigned("other", TestPki.rsa(2048));
        write("ec.pem", TestPki.pemCertificates(ec.chain()) + TestPki.pemPkcs8(ec.privateKey()));
        write("mismatch.pem", TestPki.pemCertificates(app.certificate.chain()) + TestPki.pemPkcs8(other.privateKey()));
        int before = simulator.tokenRequests();

        assertOneLineError(run(Map.of(), args("token", List.of("--certificate", file("app.crt")))), 2,
                "without its private key");
        assertOneLineError(run(Map.of(), args("token", List.of("--certificate", file("ec.pem")))), 2,
                "needs an RSA key");
        assertOneLineError(run(Map.of(), args("token", List.of("--certificate", file("mismatch.pem")))), 2,
                "does not belong to the certificate");
        assertThat(simulator.tokenRequests()).isEqualTo(before);
    }

    @Test
    void missingInputsAreExit2() throws Exception {
        assertOneLineError(run(Map.of(), args("token", List.of("--certificate", file("nope.pfx")))), 2,
                "does not exist");
        assertOneLineError(run(Map.of(), args("token", List.of("--client-secret-env", "UNSET_VAR_EXO"))), 2,
                "Environment variable UNSET_VAR_EXO", "is not set");
        assertOneLineError(run(Map.of("EXO_SECRET", app.secret),
                args("token", List.of("--client-secret-env", "EXO_SECRET", "--scope", "https://x.example"))), 2,
                "does not end in /.default");
    }

    @Test
    void usageErrorsAreExit2WithAHint() throws Exception {
        CliProcess.Result both = run(Map.of(), args("token",
                List.of("--client-secret-env", "A", "--certificate", file("app.pfx"))));
        CliProcess.Result badTenant = cli.run(Map.of("S", "x"), List.of("token", "--tenant", "not a tenant",
                "--client-id", app.clientId, "--client-secret-env", "S"));
        CliProcess.Result badCloud = cli.run(Map.of("S", "x"), List.of("token", "--tenant", app.tenantId,
                "--client-id", app.clientId, "--cloud", "mars", "--client-secret-env", "S"));

        // picocli's usage errors add a line pointing to --help (issue 8 asks for one line: the CLI part's fix).
        assertThat(both.exit()).as(both.err()).isEqualTo(2);
        assertThat(both.err()).startsWith("error: ").contains("mutually exclusive", "Try 'exo-token token --help'")
                .doesNotContain("\tat ", "Exception in");
        assertThat(both.out()).isEmpty();
        assertOneLineError(badTenant, 2, "Tenant 'not a tenant' is neither a GUID nor a domain name");
        assertOneLineError(badCloud, 2, "Unknown cloud 'mars'");
    }

    // ---- remote refusals: exit 1 ----

    @Test
    void wrongSecretIsExit1WithCodeHintAndNoSecret() throws Exception {
        String wrong = "wrong-secret-value-123";
        CliProcess.Result result = run(Map.of("EXO_SECRET", wrong),
                args("token", List.of("--client-secret-env", "EXO_SECRET")));

        assertOneLineError(result, 1, "AADSTS7000215", "Hint:", "trace id", "correlation id");
        assertThat(result.err()).doesNotContain(wrong).hasLineCount(1);
    }

    @Test
    void unregisteredCertificateIsExit1() throws Exception {
        TestPki.Issued stranger = TestPki.selfSigned("stranger", TestPki.rsa(2048));
        write("stranger.pfx", TestPki.pfxAes(stranger, ""));

        assertOneLineError(run(Map.of(), args("token", List.of("--certificate", file("stranger.pfx")))), 1,
                "AADSTS700027", "upload this certificate");
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        CliProcess.Result result = run(Map.of("EXO_SECRET", "nope"),
                args("token", List.of("--client-secret-env", "EXO_SECRET", "--debug")));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).containsPattern("(?m)^error: ").contains("\tat "); // after the debug log
    }
}
