package io.jenkins.plugins.exotoken.source;

import com.cloudbees.plugins.credentials.SecretBytes;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Failure;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import net.sf.json.JSONObject;
import java.time.Clock;
import org.apache.commons.fileupload2.core.FileItem;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundResolvable;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A certificate uploaded to Jenkins: a PFX/PKCS#12 file, or a PEM file with the key in it or in a second file.
 * The bytes are kept as {@link SecretBytes}, the password as {@link Secret}: encrypted in {@code credentials.xml}.
 */
public final class UploadedCertificateSource extends StoredCertificateSource implements DataBoundResolvable {

    private static final long serialVersionUID = 1L;

    @CheckForNull
    private final SecretBytes certificate;

    @CheckForNull
    private SecretBytes privateKey;

    @CheckForNull
    private Secret password;

    /**
     * @param certificateFile a file chosen in the form; replaces {@code certificate} when given
     * @param certificate the PFX or PEM bytes (Configuration as Code: Base64), or what the form kept from before
     */
    @DataBoundConstructor
    public UploadedCertificateSource(@CheckForNull FileItem<?> certificateFile, @CheckForNull SecretBytes certificate) {
        this.certificate = Uploads.uploadedOr(certificateFile, certificate);
    }

    @CheckForNull
    public SecretBytes getCertificate() {
        return certificate;
    }

    @CheckForNull
    public SecretBytes getPrivateKey() {
        return privateKey;
    }

    /** A PEM private key kept in its own file, for a PEM certificate without its key. */
    @DataBoundSetter
    public void setPrivateKey(@CheckForNull SecretBytes privateKey) {
        this.privateKey = privateKey == null || privateKey.getPlainData().length == 0 ? null : privateKey;
    }

    /** Form only: a key file chosen in the form replaces the kept key. */
    @DataBoundSetter
    public void setPrivateKeyFile(@CheckForNull FileItem<?> privateKeyFile) {
        if (privateKeyFile != null && privateKeyFile.getSize() > 0) {
            this.privateKey = Uploads.uploadedOr(privateKeyFile, null);
        }
    }

    @CheckForNull
    public Secret getPassword() {
        return password;
    }

    /** The PFX password, or the password of an encrypted PEM key. */
    @DataBoundSetter
    public void setPassword(@CheckForNull Secret password) {
        this.password = password == null || password.getPlainText().isEmpty() ? null : password;
    }

    /**
     * A form save reads the certificate at once (Stapler calls this after binding a form; Configuration as Code
     * does not), so a wrong password or a file without its key is reported on saving, not in the first build.
     *
     * @throws Failure with core's message: Jenkins answers the form with it
     */
    @Override
    public Object bindResolve(StaplerRequest2 request, JSONObject src) {
        try {
            certificate(Messages.UploadedCertificateSource_label(), Clock.systemUTC());
        } catch (InvalidInputException e) {
            throw new Failure(e.getMessage());
        }
        return this;
    }

    @Override
    SecretBytes certificateBytes() {
        return certificate;
    }

    @Override
    SecretBytes separateKeyBytes() {
        return privateKey;
    }

    @Override
    Secret certificatePassword() {
        return password;
    }

    @Extension
    @Symbol("uploadedCertificate")
    public static final class DescriptorImpl extends SourceDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.UploadedCertificateSource_displayName();
        }
    }
}
