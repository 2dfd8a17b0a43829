package io.jenkins.plugins.exotoken.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.cert.Finding;
import io.jenkins.plugins.exotoken.core.cert.InspectedCertificate;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import io.jenkins.plugins.exotoken.core.testing.TestPki.Issued;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The certificate API the plugin uses, from outside the cert package: one call to read a credential. */
class CertificateCredentialApiTest {

    private static Issued app;

    @BeforeAll
    static void generate() {
        app = TestPki.selfSigned("app", TestPki.rsa(2048));
    }

    @Test
    void oneCallReadsValidatesAndBuildsTheCredential() throws Exception {
        AppCertificate credential = AppCertificate.read("credential 'exo-app'", TestPki.pfxAes(app, "pw"), null,
                SecretValue.of("pw"), Clock.systemUTC());

        assertThat(credential.chain()).containsExactly(app.certificate());
        assertThat(credential.privateKey().getEncoded()).isEqualTo(app.privateKey().getEncoded());
        assertThat(credential.report().usable()).isTrue();
    }

    @Test
    void oneCallReadsASeparateKeyFile() throws Exception {
        AppCertificate credential = AppCertificate.read("app.crt with app.key",
                TestPki.pemCertificates(app.chain()).getBytes(StandardCharsets.UTF_8),
                TestPki.pemPkcs8(app.privateKey()).getBytes(StandardCharsets.UTF_8), SecretValue.empty(),
                Clock.systemUTC());

        assertThat(credential.chain()).containsExactly(app.certificate());
    }

    @Test
    void inspectionReturnsACertificateWithErrorsAndTheCredentialIsRefusedFromIt() throws Exception {
        byte[] certificateOnly = TestPki.pemCertificates(app.chain()).getBytes(StandardCharsets.UTF_8);

        InspectedCertificate inspected = InspectedCertificate.read("app.crt", certificateOnly, null,
                SecretValue.empty(), Clock.systemUTC());

        assertThat(inspected.loaded().leaf()).isEqualTo(app.certificate());
        assertThat(inspected.report().errors()).extracting(Finding::code).containsExactly("NO_PRIVATE_KEY");
        assertThatThrownBy(() -> AppCertificate.of("app.crt", inspected))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("app.crt cannot be used: The certificate");
    }

    @Test
    void theCertPackageExposesValuesTheOneReadingEntryPointAndTheGeneratorOnly() throws Exception {
        Path classes = Path.of(InspectedCertificate.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/jenkins/plugins/exotoken/core/cert");
        try (Stream<Path> files = Files.list(classes)) {
            assertThat(files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(CertificateCredentialApiTest::isPublic))
                    .containsExactlyInAnyOrder("CertificateFormat", "CertificateInfo", "CertificateReport", "Finding",
                            "InspectedCertificate", "LoadedCertificate", "CertificateGenerator",
                            "GeneratedCertificate");
        }
    }

    private static boolean isPublic(String simpleName) {
        try {
            return Modifier.isPublic(Class.forName("io.jenkins.plugins.exotoken.core.cert." + simpleName)
                    .getModifiers());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
