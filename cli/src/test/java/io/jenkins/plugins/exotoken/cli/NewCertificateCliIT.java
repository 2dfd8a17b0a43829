package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box: {@code exo-token new-certificate}, and the packaged CLI using what it wrote. */
class NewCertificateCliIT {

    private static final String PASSWORD = "New-Pfx-Pa55!";
    private static final Map<String, String> WITH_PASSWORD = Map.of("EXO_PFX_PASSWORD", PASSWORD);
    private static final CliProcess cli = new CliProcess(List.of());
    @TempDir
    Path dir;

    private CliProcess.Result newCertificate(Map<String, String> env, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("new-certificate", "--name", "exo-token new-certificate IT",
                "--password-env", "EXO_PFX_PASSWORD"));
        args.addAll(List.of(options));
        return cli.run(env, args);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void assertOneLineError(CliProcess.Result result, String... fragments) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains(fragments).doesNotContain("\tat ", "Exception")
                .hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theNewPfxInspectsCleanAndGetsATokenOnceItsCerIsOnTheAppRegistration() throws Exception {
        CliProcess.Result created = newCertificate(WITH_PASSWORD, "--out", file("app.pfx"), "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        Map<String, Object> summary = JSONObjectUtils.parse(created.out());
        assertThat(summary).containsEntry("subject", "CN=exo-token new-certificate IT")
                .containsEntry("pfx", file("app.pfx")).containsEntry("cer", file("app.cer"))
                .containsEntry("keySize", 2048L);
        assertThat(created.out()).doesNotContain(PASSWORD);

        CliProcess.Result inspected = cli.run(WITH_PASSWORD, List.of("inspect", "--certificate", file("app.pfx"),
                "--password-env", "EXO_PFX_PASSWORD", "--json"));
        assertThat(inspected.exit()).as(inspected.err()).isZero();
        Map<String, Object> facts = JSONObjectUtils.parse(inspected.out());
        assertThat(facts).containsEntry("thumbprint", summary.get("thumbprint")).containsEntry("usable", true)
                .containsEntry("errors", List.of()).containsEntry("warnings", List.of());

        X509Certificate cer = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("app.cer"))));
        try (EntraSimulator simulator = EntraSimulator.start()) {
            TestApp app = new TestApp(simulator);
            simulator.app(app.tenantId, app.clientId).certificate(cer);
            Path trust = dir.resolve("trust.p12");
            Files.write(trust, TestPki.trustStore(simulator.caCertificate(), "changeit"));
            CliProcess.Result token = new CliProcess(List.of("-Djavax.net.ssl.trustStore=" + trust,
                    "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12"))
                    .run(WITH_PASSWORD, List.of("token", "--tenant", app.tenantId, "--client-id", app.clientId,
                            "--organization", "contoso.onmicrosoft.com", "--cloud", "custom",
                            "--authority-host", simulator.authorityHost(),
                            "--certificate", file("app.pfx"), "--password-env", "EXO_PFX_PASSWORD"));
            assertThat(token.exit()).as(token.err()).isZero();
            assertThat(simulator.verifyIssued(token.out().strip()).getStringClaim("appid")).isEqualTo(app.clientId);
        }
    }

    @Test
    void thePfxIsOwnerOnlyAndTheSummaryNamesBothFilesAndTheNextStep() throws Exception {
        CliProcess.Result created = newCertificate(WITH_PASSWORD, "--out", file("owner.pfx"), "--cer",
                file("public.cer"), "--key-size", "3072", "--days", "30");

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("owner.pfx")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(dir.resolve("public.cer")).isRegularFile();
        assertThat(created.out()).contains("Subject      CN=exo-token new-certificate IT", "Key          RSA 3072 bits",
                "PFX          " + file("owner.pfx"), "Certificate  " + file("public.cer"),
                "Next: upload public.cer to the app registration").doesNotContain(PASSWORD);
        assertThat(created.err()).isEmpty();
    }

    @Test
    void anUnsetPasswordVariableIsExit2SayingHowToSetItAndWritesNothing() throws Exception {
        CliProcess.Result result = newCertificate(Map.of(), "--out", file("none.pfx"));

        assertOneLineError(result, "Environment variable EXO_PFX_PASSWORD (the password for the new PFX) is not set:"
                + " export EXO_PFX_PASSWORD='…' with the password to protect the PFX, then run again.");
        assertThat(dir.resolve("none.pfx")).doesNotExist();
        assertThat(dir.resolve("none.cer")).doesNotExist();
    }

    @Test
    void anEmptyPasswordVariableIsRefusedToo() throws Exception {
        assertOneLineError(newCertificate(Map.of("EXO_PFX_PASSWORD", "\n"), "--out", file("empty.pfx")),
                "Environment variable EXO_PFX_PASSWORD (the password for the new PFX) is empty");
    }

    @Test
    void anExistingPfxIsLeftUntouchedWithoutForceAndReplacedWithIt() throws Exception {
        Path existing = dir.resolve("existing.pfx");
        Files.writeString(existing, "keep me");

        assertOneLineError(newCertificate(WITH_PASSWORD, "--out", existing.toString()),
                "The PFX file " + existing + " already exists: choose another file, or add --force to replace it.");
        assertThat(existing).hasContent("keep me");
        assertThat(dir.resolve("existing.cer")).doesNotExist();

        CliProcess.Result forced = newCertificate(WITH_PASSWORD, "--out", existing.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(existing)).isNotEqualTo("keep me".getBytes());
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anExistingCerIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.writeString(dir.resolve("taken.cer"), "keep me");

        assertOneLineError(newCertificate(WITH_PASSWORD, "--out", file("taken.pfx")),
                "The certificate file " + file("taken.cer") + " already exists");
        assertThat(dir.resolve("taken.pfx")).doesNotExist();
    }

    @Test
    void aKeySizeOtherThan2048Or3072IsExit2NamingTheAllowedSizes() throws Exception {
        assertOneLineError(newCertificate(WITH_PASSWORD, "--out", file("big.pfx"), "--key-size", "4096"),
                "Key size 4096 bits is not offered: choose 2048 or 3072 bits (RSA).");
        assertThat(dir.resolve("big.pfx")).doesNotExist();
    }
}
