package io.jenkins.plugins.exotoken.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.X509CertUtils;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.testing.TestPki.Issued;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.junit.jupiter.api.Test;

class CertificateInspectorTest {

    private final Clock clock = Clock.systemUTC();
    private final CertificateInspector inspector = new CertificateInspector(clock);

    private static LoadedCertificate pem(Issued cert, java.security.PrivateKey key) throws InvalidInputException {
        String text = TestPki.pemCertificates(cert.chain()) + (key == null ? "" : TestPki.pemPkcs8(key));
        return new CertificateReader().read("test.pem", text.getBytes(StandardCharsets.UTF_8), SecretValue.empty());
    }

    private static java.util.List<String> codes(CertificateReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    @Test
    void reportsThumbprintsAsThePortalShowsThem() throws Exception {
        Issued app = TestPki.selfSigned("Exchange automation", TestPki.rsa(2048));
        CertificateReport report = inspector.inspect(pem(app, app.privateKey()));

        SHA1Digest sha1 = new SHA1Digest();
        byte[] der = app.certificate().getEncoded();
        sha1.update(der, 0, der.length);
        byte[] expected = new byte[20];
        sha1.doFinal(expected, 0);
        assertThat(report.info().thumbprintSha1()).isEqualTo(HexFormat.of().withUpperCase().formatHex(expected))
                .matches("[0-9A-F]{40}");
        assertThat(report.info().thumbprintSha256()).isEqualTo(HexFormat.of().withUpperCase()
                .formatHex(X509CertUtils.computeSHA256Thumbprint(app.certificate()).decode()));
        assertThat(report.info().subject()).isEqualTo("CN=Exchange automation");
        assertThat(report.info().keyAlgorithm()).isEqualTo("RSA");
        assertThat(report.info().keySize()).isEqualTo(2048);
        assertThat(report.info().hasPrivateKey()).isTrue();
        assertThat(report.findings()).isEmpty();
        assertThat(report.usable()).isTrue();
    }

    @Test
    void certificateWithoutKeyIsAnError() throws Exception {
        Issued app = TestPki.selfSigned("app", TestPki.rsa(2048));

        CertificateReport report = inspector.inspect(pem(app, null));

        assertThat(codes(report)).containsExactly("NO_PRIVATE_KEY");
        assertThat(report.usable()).isFalse();
    }

    @Test
    void keyOfAnotherCertificateIsAnError() throws Exception {
        Issued app = TestPki.selfSigned("app", TestPki.rsa(2048));
        Issued other = TestPki.selfSigned("other", TestPki.rsa(2048));

        CertificateReport report = inspector.inspect(pem(app, other.privateKey()));

        assertThat(codes(report)).containsExactly("KEY_MISMATCH");
        assertThat(report.usable()).isFalse();
    }

    @Test
    void ecKeysAreRefusedBecauseEntraNeedsRsa() throws Exception {
        Issued ec = TestPki.selfSigned("ec app", TestPki.ec());

        CertificateReport report = inspector.inspect(pem(ec, ec.privateKey()));

        assertThat(codes(report)).containsExactly("UNSUPPORTED_KEY_TYPE");
        assertThat(report.errors().get(0).message()).contains("EC key", "RSA");
        assertThat(report.usable()).isFalse();
    }

    @Test
    void weakRsaKeyIsAWarning() throws Exception {
        Issued weak = TestPki.selfSigned("weak", TestPki.rsa(1024));

        CertificateReport report = inspector.inspect(pem(weak, weak.privateKey()));

        assertThat(codes(report)).containsExactly("WEAK_KEY");
        assertThat(report.usable()).isTrue();
    }

    @Test
    void expiredNotYetValidAndExpiringSoonAreWarningsThatLeaveTheCertificateUsable() throws Exception {
        Instant now = Instant.now();
        Issued expired = TestPki.selfSigned("expired", TestPki.rsa(2048), now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(2)));
        Issued future = TestPki.selfSigned("future", TestPki.rsa(2048), now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(400)));
        Issued soon = TestPki.selfSigned("soon", TestPki.rsa(2048), now.minus(Duration.ofDays(300)),
                now.plus(Duration.ofDays(10)).plusSeconds(60));

        CertificateReport expiredReport = inspector.inspect(pem(expired, expired.privateKey()));
        CertificateReport futureReport = inspector.inspect(pem(future, future.privateKey()));
        CertificateReport soonReport = inspector.inspect(pem(soon, soon.privateKey()));

        assertThat(codes(expiredReport)).containsExactly("EXPIRED");
        assertThat(codes(futureReport)).containsExactly("NOT_YET_VALID");
        assertThat(codes(soonReport)).containsExactly("EXPIRING_SOON");
        assertThat(soonReport.warnings().get(0).message()).contains("in 10 days");
        assertThat(List.of(expiredReport, futureReport, soonReport)).allMatch(CertificateReport::usable);
    }

    @Test
    void credentialIsRefusedWithEveryErrorAndAcceptedWithWarnings() throws Exception {
        Issued ec = TestPki.selfSigned("ec app", TestPki.ec());
        LoadedCertificate noKey = pem(ec, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AppCertificate.of("credential 'exo-app'", InspectedCertificate.inspect(noKey, clock)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credential 'exo-app' cannot be used")
                .hasMessageContaining("without its private key")
                .hasMessageContaining("RSA");

        Issued weak = TestPki.selfSigned("weak", TestPki.rsa(1024));
        LoadedCertificate loaded = pem(weak, weak.privateKey());
        AppCertificate credential = AppCertificate.of("weak", InspectedCertificate.inspect(loaded, clock));
        assertThat(credential.warnings()).extracting(Finding::code).containsExactly("WEAK_KEY");
        assertThat(credential.toString()).doesNotContain("PRIVATE").contains(credential.info().thumbprintSha1());
    }
}
