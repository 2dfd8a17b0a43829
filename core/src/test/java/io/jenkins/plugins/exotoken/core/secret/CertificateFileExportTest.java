package io.jenkins.plugins.exotoken.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class CertificateFileExportTest {

    private final TestPki.Issued issued = TestPki.selfSigned("exo export", TestPki.rsa(2048));

    @Test
    void aPemCertificateBecomesAPfxThatOpensWithItsPasswordAndHoldsTheSameCertificateAndKey() throws Exception {
        AppCertificate pem = AppCertificate.read("test PEM", (TestPki.pemCertificates(issued.chain())
                + TestPki.pemPkcs8(issued.privateKey())).getBytes(StandardCharsets.US_ASCII), null,
                SecretValue.empty(), Clock.systemUTC());

        byte[] pfx = pem.toPkcs12(SecretValue.of("file-password-1"));

        AppCertificate reread = AppCertificate.read("exported PFX", pfx, null, SecretValue.of("file-password-1"),
                Clock.systemUTC());
        assertThat(reread.info().thumbprintSha1()).isEqualTo(pem.info().thumbprintSha1());
        assertThat(reread.privateKey().getEncoded()).isEqualTo(issued.privateKey().getEncoded());
        // The JDK's own key store (what PowerShell's .NET counterpart stands for here) opens it too.
        KeyStore jdk = KeyStore.getInstance("PKCS12");
        jdk.load(new ByteArrayInputStream(pfx), "file-password-1".toCharArray());
        assertThat(jdk.size()).isEqualTo(1);
    }

    @Test
    void anEmptyPasswordIsRefused() throws Exception {
        AppCertificate pfx = AppCertificate.read("test PFX", TestPki.pfxAes(issued, "pw"), null, SecretValue.of("pw"),
                Clock.systemUTC());

        assertThatThrownBy(() -> pfx.toPkcs12(SecretValue.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a password");
    }
}
