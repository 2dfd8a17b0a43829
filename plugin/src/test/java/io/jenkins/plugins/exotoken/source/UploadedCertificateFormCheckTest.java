package io.jenkins.plugins.exotoken.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.SecretBytes;
import hudson.model.Failure;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The check Stapler runs when the credential form is saved with an uploaded certificate. */
class UploadedCertificateFormCheckTest {

    private final TestPki.Issued issued = TestPki.selfSigned("exo upload", TestPki.rsa(2048));

    @Test
    void aPfxThatOpensWithItsPasswordIsAccepted() {
        UploadedCertificateSource source = new UploadedCertificateSource(null,
                SecretBytes.fromRawBytes(TestPki.pfxAes(issued, "right-password")));
        source.setPassword(Secret.fromString("right-password"));

        assertThat(source.bindResolve(null, new JSONObject())).isSameAs(source);

        assertThat(source.getCertificateInfo().subject()).isEqualTo("CN=exo upload");
    }

    @Test
    void aWrongPasswordOrNoFileIsRefusedWithCoresMessageAndNoSecret() {
        UploadedCertificateSource wrong = new UploadedCertificateSource(null,
                SecretBytes.fromRawBytes(TestPki.pfxAes(issued, "right-password")));
        wrong.setPassword(Secret.fromString("wrong-password"));
        UploadedCertificateSource none = new UploadedCertificateSource(null, null);

        assertThatThrownBy(() -> wrong.bindResolve(null, new JSONObject())).isInstanceOf(Failure.class)
                .hasMessage("The password for the uploaded certificate is wrong: supply the password the PFX was"
                        + " exported with.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password"));
        assertThatThrownBy(() -> none.bindResolve(null, new JSONObject())).isInstanceOf(Failure.class)
                .hasMessageContaining("the uploaded certificate");
    }
}
