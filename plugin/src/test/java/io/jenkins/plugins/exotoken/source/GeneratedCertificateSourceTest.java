package io.jenkins.plugins.exotoken.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.SecretBytes;
import hudson.model.Failure;
import hudson.util.Secret;
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

/** What saving the form of a generated certificate does: generate once, keep, rotate, switch — and refuse nothing. */
class GeneratedCertificateSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CertificateGenerator generator = new CertificateGenerator(clock, new SecureRandom());

    @Test
    void aNewSourceGeneratesItsCertificateOnSaveWithTheFormsSubjectSizeAndValidity() throws Exception {
        GeneratedCertificateSource saved = save(new JSONObject().element("commonName", "Contoso EXO reports")
                .element("keySize", 3072).element("validityDays", 90));

        CertificateInfo info = saved.getCertificateInfo();
        assertThat(info).isNotNull();
        assertThat(info.subject()).isEqualTo("CN=Contoso EXO reports");
        assertThat(info.keySize()).isEqualTo(3072);
        assertThat(Duration.between(NOW, info.notAfter())).isEqualTo(Duration.ofDays(90));
        assertThat(saved.getPassword().getPlainText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(saved.getCerBase64()).isNotBlank();
    }

    @Test
    void theGeneratedMaterialGoesIntoTheFormOnlyInEncryptedForm() throws Exception {
        JSONObject form = GeneratedCertificateSource.prepare(new JSONObject().element("commonName", "exo"), generator,
                clock);
        GeneratedCertificateSource saved = bind(form);

        assertThat(form.optString("keyStore")).startsWith("{").endsWith("}");
        assertThat(form.optString("password")).startsWith("{").doesNotContain(saved.getPassword().getPlainText());
    }

    @Test
    void savingAgainKeepsTheStoredCertificate() throws Exception {
        GeneratedCertificateSource first = save(new JSONObject().element("commonName", "exo"));

        GeneratedCertificateSource again = save(resubmitted(first).element("commonName", "another name"));

        assertThat(again.getCertificateInfo().thumbprintSha1()).isEqualTo(first.getCertificateInfo().thumbprintSha1());
        assertThat(again.getSuccessorKeyStore()).isNull();
    }

    @Test
    void aSuccessorIsKeptBesideTheCurrentCertificateUntilTheAdminSwitches() throws Exception {
        GeneratedCertificateSource current = save(new JSONObject().element("commonName", "exo"));
        String currentThumbprint = current.getCertificateInfo().thumbprintSha1();

        GeneratedCertificateSource rotating = save(resubmitted(current).element("generateSuccessor", true)
                .element("validityDays", 365));

        assertThat(rotating.getCertificateInfo().thumbprintSha1()).isEqualTo(currentThumbprint);
        CertificateInfo successor = rotating.getSuccessorInfo();
        assertThat(successor).isNotNull();
        assertThat(successor.subject()).isEqualTo("CN=exo");
        assertThat(successor.thumbprintSha1()).isNotEqualTo(currentThumbprint);

        GeneratedCertificateSource switched = save(resubmitted(rotating).element("useSuccessor", true));

        assertThat(switched.getCertificateInfo().thumbprintSha1()).isEqualTo(successor.thumbprintSha1());
        assertThat(switched.getSuccessorKeyStore()).isNull();
    }

    @Test
    void anInvalidSubjectIsCoresMessageAndASaveWithoutCertificateIsRefused() {
        assertThatThrownBy(() -> GeneratedCertificateSource.prepare(new JSONObject().element("commonName", " "),
                generator, clock)).isInstanceOf(InvalidInputException.class).hasMessageContaining("name is empty");
        // What Jenkins binds when generation failed: refused with why, never saved without a certificate.
        assertThatThrownBy(() -> new GeneratedCertificateSource(null, null).bindResolve(null, new JSONObject()
                .element(GeneratedCertificateSource.GENERATION_FAILURE, "The certificate name is empty: …")))
                .isInstanceOf(Failure.class).hasMessage("The certificate name is empty: …");
        assertThatThrownBy(() -> new GeneratedCertificateSource(null, null).bindResolve(null, new JSONObject()))
                .isInstanceOf(Failure.class).hasMessageStartingWith("No certificate was generated");
    }

    @Test
    void aSuccessorThatCannotBeGeneratedRefusesTheSaveInsteadOfSavingWithoutIt() throws Exception {
        GeneratedCertificateSource current = save(new JSONObject().element("commonName", "exo"));
        JSONObject form = resubmitted(current).element("generateSuccessor", true).element("validityDays", 0);

        InvalidInputException refusal = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> GeneratedCertificateSource.prepare(form, generator, clock));
        // What the descriptor does with it before Jenkins binds the same form again:
        form.element(GeneratedCertificateSource.GENERATION_FAILURE, refusal.getMessage());

        assertThatThrownBy(() -> bind(form)).isInstanceOf(Failure.class).hasMessage(refusal.getMessage());
    }

    private GeneratedCertificateSource save(JSONObject form) throws InvalidInputException {
        return bind(GeneratedCertificateSource.prepare(form, generator, clock));
    }

    /** Binds the form as Stapler does: the constructor's fields, then the setters, then the form check. */
    private static GeneratedCertificateSource bind(JSONObject form) {
        GeneratedCertificateSource source = new GeneratedCertificateSource(
                SecretBytes.fromString(form.optString("keyStore")), Secret.fromString(form.optString("password")));
        source.setSuccessorKeyStore(SecretBytes.fromString(form.optString("successorKeyStore")));
        source.setSuccessorPassword(Secret.fromString(form.optString("successorPassword")));
        return (GeneratedCertificateSource) source.bindResolve(null, form);
    }

    /** The form as the edit page renders a stored source: its material in hidden fields, encrypted. */
    private static JSONObject resubmitted(GeneratedCertificateSource stored) {
        JSONObject form = new JSONObject().element("keyStore", stored.getKeyStore().toString())
                .element("password", stored.getPassword().getEncryptedValue());
        if (stored.getSuccessorKeyStore() != null) {
            form.element("successorKeyStore", stored.getSuccessorKeyStore().toString())
                    .element("successorPassword", stored.getSuccessorPassword().getEncryptedValue());
        }
        return form;
    }
}
