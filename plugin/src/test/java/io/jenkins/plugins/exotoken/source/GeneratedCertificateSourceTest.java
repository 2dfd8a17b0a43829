package io.jenkins.plugins.exotoken.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.cert.CertificateGenerator;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/** What saving the form of a generated certificate does: generate once, keep, rotate, switch. */
class GeneratedCertificateSourceTest {

    private final CertificateGenerator generator = new CertificateGenerator(
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), new SecureRandom());

    @Test
    void aNewSourceGeneratesItsCertificateOnSaveWithTheFormsSubjectSizeAndValidity() throws Exception {
        GeneratedCertificateSource saved = GeneratedCertificateSource.apply(new GeneratedCertificateSource(null, null),
                form().element("commonName", "Contoso EXO reports").element("keySize", 3072)
                        .element("validityDays", 90), generator);

        CertificateInfo info = saved.getCertificateInfo();
        assertThat(info).isNotNull();
        assertThat(info.subject()).isEqualTo("CN=Contoso EXO reports");
        assertThat(info.keySize()).isEqualTo(3072);
        assertThat(Duration.between(Instant.parse("2026-11-26T12:00:00Z"), info.notAfter())).isEqualTo(Duration.ofDays(90));
        assertThat(saved.getPassword().getPlainText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(saved.getCerBase64()).isNotBlank();
    }

    @Test
    void savingAgainKeepsTheStoredCertificate() throws Exception {
        GeneratedCertificateSource first = GeneratedCertificateSource.apply(new GeneratedCertificateSource(null, null),
                form().element("commonName", "exo"), generator);
        GeneratedCertificateSource resubmitted = new GeneratedCertificateSource(first.getKeyStore(),
                first.getPassword());

        GeneratedCertificateSource saved = GeneratedCertificateSource.apply(resubmitted,
                form().element("commonName", "another name"), generator);

        assertThat(saved).isSameAs(resubmitted);
        assertThat(saved.getCertificateInfo().thumbprintSha1()).isEqualTo(first.getCertificateInfo().thumbprintSha1());
    }

    @Test
    void aSuccessorIsKeptBesideTheCurrentCertificateUntilTheAdminSwitches() throws Exception {
        GeneratedCertificateSource current = GeneratedCertificateSource.apply(
                new GeneratedCertificateSource(null, null), form().element("commonName", "exo"), generator);
        String currentThumbprint = current.getCertificateInfo().thumbprintSha1();

        GeneratedCertificateSource rotating = GeneratedCertificateSource.apply(
                new GeneratedCertificateSource(current.getKeyStore(), current.getPassword()),
                form().element("generateSuccessor", true).element("validityDays", 365), generator);

        assertThat(rotating.getCertificateInfo().thumbprintSha1()).isEqualTo(currentThumbprint);
        CertificateInfo successor = rotating.getSuccessorInfo();
        assertThat(successor).isNotNull();
        assertThat(successor.subject()).isEqualTo("CN=exo");
        assertThat(successor.thumbprintSha1()).isNotEqualTo(currentThumbprint);

        GeneratedCertificateSource resubmitted = new GeneratedCertificateSource(rotating.getKeyStore(),
                rotating.getPassword());
        resubmitted.setSuccessorKeyStore(rotating.getSuccessorKeyStore());
        resubmitted.setSuccessorPassword(rotating.getSuccessorPassword());
        GeneratedCertificateSource switched = GeneratedCertificateSource.apply(resubmitted,
                form().element("useSuccessor", true), generator);

        assertThat(switched.getCertificateInfo().thumbprintSha1()).isEqualTo(successor.thumbprintSha1());
        assertThat(switched.getSuccessorKeyStore()).isNull();
    }

    @Test
    void anInvalidSubjectIsCoresMessage() {
        assertThatThrownBy(() -> GeneratedCertificateSource.apply(new GeneratedCertificateSource(null, null),
                form().element("commonName", ""), generator)).isInstanceOf(InvalidInputException.class);
    }

    private static JSONObject form() {
        return new JSONObject();
    }
}
