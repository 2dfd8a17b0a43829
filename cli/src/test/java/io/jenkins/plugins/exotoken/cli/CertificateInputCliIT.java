package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box: certificate files and their passwords as the packaged CLI reads them (no network: inspect). */
class CertificateInputCliIT {

    private static final String PASSWORD = "Export-Pa55!";
    private static final CliProcess cli = new CliProcess(List.of());
    private static TestPki.Issued app;
    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws Exception {
        app = TestPki.selfSigned("exo-token input test", TestPki.rsa(2048));
        Files.write(dir.resolve("app.pfx"), TestPki.pfxAes(app, PASSWORD));
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static CliProcess.Result inspect(Map<String, String> env, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("inspect"));
        args.addAll(List.of(options));
        return cli.run(env, args);
    }

    private static void assertOneLineError(CliProcess.Result result, String... fragments) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains(fragments).doesNotContain("\tat ", "Exception");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void damagedBase64InAPemKeyIsExit2OnOneLine() throws Exception {
        String[] key = TestPki.pemPkcs8(app.privateKey()).split("\n");
        key[2] = "*" + key[2].substring(1);
        Files.writeString(dir.resolve("damaged.pem"),
                TestPki.pemCertificates(app.chain()) + String.join("\n", key) + "\n");

        assertOneLineError(inspect(Map.of(), "--certificate", file("damaged.pem")),
                "has a PEM block that cannot be parsed (damaged Base64 or a truncated file)");
    }

    @Test
    void passwordInAnEnvironmentVariableWithATrailingNewlineWorks() throws Exception {
        CliProcess.Result result = inspect(Map.of("PW", PASSWORD + "\n"),
                "--certificate", file("app.pfx"), "--password-env", "PW");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Status       usable");
    }

    @Test
    void passwordFileWithAByteOrderMarkAndCrlfWorks() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((PASSWORD + "\r\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("bom-crlf.txt"), bytes.toByteArray());

        CliProcess.Result result = inspect(Map.of(),
                "--certificate", file("app.pfx"), "--password-file", file("bom-crlf.txt"));

        assertThat(result.exit()).as(result.err()).isZero();
    }

    @Test
    void passwordFileWithASecondLineIsRefusedWithoutShowingIt() throws Exception {
        Files.writeString(dir.resolve("two-lines.txt"), PASSWORD + "\nsecond line\n");

        CliProcess.Result result = inspect(Map.of(),
                "--certificate", file("app.pfx"), "--password-file", file("two-lines.txt"));

        assertOneLineError(result, "has a line break inside it: a password is one line");
        assertThat(result.err()).doesNotContain(PASSWORD, "second line");
    }

    @Test
    void wrongPasswordEndingInASpaceCarriesANote() throws Exception {
        CliProcess.Result result = inspect(Map.of("PW", PASSWORD + " "),
                "--certificate", file("app.pfx"), "--password-env", "PW");

        assertOneLineError(result, "is wrong (note: it ends with a space)");
        assertThat(result.err()).doesNotContain(PASSWORD);
    }
}
