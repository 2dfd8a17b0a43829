package io.jenkins.plugins.exotoken.source;

import com.cloudbees.plugins.credentials.SecretBytes;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Failure;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.FieldCheck;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.cert.CertificateGenerator;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import io.jenkins.plugins.exotoken.core.cert.GeneratedCertificate;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundResolvable;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * A certificate Jenkins generated for the app (the guided setup): a self-signed RSA certificate whose private key
 * never leaves the controller; the admin uploads its public part ({@code .cer}) to the app registration.
 *
 * <p>Generation happens only when the credential form is saved with this source and no certificate yet, or with
 * "generate a successor" ticked; the result is stored like an uploaded PFX. Configuration as Code and saving the
 * form again carry the stored certificate over and never generate. A successor is kept beside the current
 * certificate until the admin switches, so the app registration can hold both during a rotation.
 */
public final class GeneratedCertificateSource extends StoredCertificateSource implements DataBoundResolvable {

    private static final long serialVersionUID = 1L;

    /** Where a failed generation leaves core's message in the form, for the check that refuses the save. */
    static final String GENERATION_FAILURE = "exo-token.generationFailure";

    @CheckForNull
    private final SecretBytes keyStore;

    @CheckForNull
    private final Secret password;

    @CheckForNull
    private SecretBytes successorKeyStore;

    @CheckForNull
    private Secret successorPassword;

    /**
     * @param keyStore the generated PFX (Configuration as Code: Base64, or the encrypted form Jenkins exports)
     * @param password the PFX's password
     */
    @DataBoundConstructor
    public GeneratedCertificateSource(@CheckForNull SecretBytes keyStore, @CheckForNull Secret password) {
        this.keyStore = empty(keyStore) ? null : keyStore;
        this.password = password;
    }

    @CheckForNull
    public SecretBytes getKeyStore() {
        return keyStore;
    }

    @CheckForNull
    public Secret getPassword() {
        return password;
    }

    @CheckForNull
    public SecretBytes getSuccessorKeyStore() {
        return successorKeyStore;
    }

    /** A successor generated for a rotation, not used until the admin switches to it. */
    @DataBoundSetter
    public void setSuccessorKeyStore(@CheckForNull SecretBytes successorKeyStore) {
        this.successorKeyStore = empty(successorKeyStore) ? null : successorKeyStore;
    }

    @CheckForNull
    public Secret getSuccessorPassword() {
        return successorPassword;
    }

    @DataBoundSetter
    public void setSuccessorPassword(@CheckForNull Secret successorPassword) {
        this.successorPassword = successorPassword;
    }

    /** For the form: the successor's facts, or {@code null} when there is none. */
    @CheckForNull
    public CertificateInfo getSuccessorInfo() {
        return successor().storedCertificate().orElse(null);
    }

    /** For the form's download link: the current certificate's public part, DER in Base64. */
    @CheckForNull
    public String getCerBase64() {
        return cerBase64(this);
    }

    /** For the form's download link: the successor's public part, DER in Base64. */
    @CheckForNull
    public String getSuccessorCerBase64() {
        return successorKeyStore == null ? null : cerBase64(successor());
    }

    /**
     * A form save must end with what it asked for: generation happens in the descriptor, and when it failed
     * (first certificate or successor), Jenkins binds the form without it. Stapler calls this after binding a form; Configuration as Code does not (there a
     * source without a key store is reported when it is used).
     *
     * @throws Failure with why nothing was generated: Jenkins answers the form with it
     */
    @Override
    public Object bindResolve(StaplerRequest2 request, JSONObject src) {
        String why = src.optString(GENERATION_FAILURE);
        if (!why.isEmpty()) { // a first certificate or a successor that could not be generated
            throw new Failure(why);
        }
        if (keyStore == null) {
            throw new Failure(Messages.GeneratedCertificateSource_nothingGenerated());
        }
        return this;
    }

    @Override
    SecretBytes certificateBytes() {
        return keyStore;
    }

    @Override
    SecretBytes separateKeyBytes() {
        return null;
    }

    @Override
    Secret certificatePassword() {
        return password;
    }

    private GeneratedCertificateSource successor() {
        return new GeneratedCertificateSource(successorKeyStore, successorPassword);
    }

    @CheckForNull
    private static String cerBase64(GeneratedCertificateSource source) {
        return source.inspect(Clock.systemUTC())
                .map(inspected -> {
                    try {
                        return Base64.getEncoder().encodeToString(inspected.loaded().leaf().getEncoded());
                    } catch (java.security.cert.CertificateEncodingException e) {
                        return null;
                    }
                })
                .orElse(null);
    }

    private static boolean empty(@CheckForNull SecretBytes bytes) {
        return bytes == null || bytes.getPlainData().length == 0;
    }

    private static SecretBytes secretBytes(GeneratedCertificate generated) {
        byte[] pfx = generated.pkcs12();
        try {
            return SecretBytes.fromRawBytes(pfx.clone());
        } finally {
            Arrays.fill(pfx, (byte) 0);
        }
    }

    /**
     * What a form submission asks for, applied to the form before it is bound: generate the first certificate
     * (no stored key store yet), generate a successor, or switch to the successor; otherwise the form is left as it
     * is and the stored certificate is kept. New material goes into the form in Jenkins' encrypted forms.
     *
     * @throws InvalidInputException when the subject, key size or validity is not one core generates
     */
    static JSONObject prepare(JSONObject form, CertificateGenerator generator, Clock clock)
            throws InvalidInputException {
        int days = form.optInt("validityDays", CertificateGenerator.DEFAULT_DAYS);
        if (empty(secretBytes(form, "keyStore"))) {
            int keySize = form.optInt("keySize", CertificateGenerator.DEFAULT_KEY_SIZE);
            put(form, "keyStore", "password", generator.generate(form.optString("commonName"), keySize, days));
        } else if (form.optBoolean("useSuccessor") && !empty(secretBytes(form, "successorKeyStore"))) {
            form.element("keyStore", form.optString("successorKeyStore"));
            form.element("password", form.optString("successorPassword"));
            form.element("successorKeyStore", "");
            form.element("successorPassword", "");
        } else if (form.optBoolean("generateSuccessor") && empty(secretBytes(form, "successorKeyStore"))) {
            GeneratedCertificateSource current = new GeneratedCertificateSource(secretBytes(form, "keyStore"),
                    Secret.fromString(form.optString("password")));
            X509Certificate leaf = current.certificate("the generated certificate", clock).chain().get(0);
            put(form, "successorKeyStore", "successorPassword", generator.successorOf(leaf, days));
        }
        return form;
    }

    private static SecretBytes secretBytes(JSONObject form, String key) {
        String value = form.optString(key);
        return value.isEmpty() ? null : SecretBytes.fromString(value);
    }

    private static void put(JSONObject form, String keyStoreField, String passwordField, GeneratedCertificate generated) {
        form.element(keyStoreField, secretBytes(generated).toString());
        form.element(passwordField, Secret.fromString(generated.password().reveal()).getEncryptedValue());
    }

    @Extension
    @Symbol("generatedCertificate")
    public static final class DescriptorImpl extends SourceDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GeneratedCertificateSource_displayName();
        }

        /**
         * Generation happens here, on a form submission only: Configuration as Code binds without it. When it
         * fails, Jenkins falls back to binding the form as it is, and {@link #bindResolve} refuses the save.
         */
        @Override
        public AppSecretSource newInstance(StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            try {
                prepare(formData, new CertificateGenerator(Clock.systemUTC(), new SecureRandom()), Clock.systemUTC());
            } catch (InvalidInputException e) {
                // Jenkins swallows what a nested newInstance throws and binds the same form again.
                formData.element(GENERATION_FAILURE, e.getMessage());
                throw new Failure(e.getMessage());
            }
            return super.newInstance(req, formData);
        }

        @POST
        public FormValidation doCheckCommonName(@QueryParameter String value) {
            return FieldCheck.of(() -> CertificateGenerator.validName(value));
        }

        public ListBoxModel doFillKeySizeItems() {
            ListBoxModel sizes = new ListBoxModel();
            for (int size : CertificateGenerator.keySizes()) {
                sizes.add(Messages.GeneratedCertificateSource_keySize(size), Integer.toString(size));
            }
            return sizes;
        }

        @POST
        public FormValidation doCheckValidityDays(@QueryParameter String value) {
            try {
                int days = Integer.parseInt(value.trim());
                if (days >= CertificateGenerator.MIN_DAYS && days <= CertificateGenerator.MAX_DAYS) {
                    return FormValidation.ok();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return FormValidation.error(Messages.GeneratedCertificateSource_days(CertificateGenerator.MIN_DAYS,
                    CertificateGenerator.MAX_DAYS));
        }
    }
}
