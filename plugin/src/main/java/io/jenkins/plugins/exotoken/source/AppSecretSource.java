package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import java.io.Serializable;
import java.util.Optional;

/**
 * Where an Exchange Online app credential's secret comes from: a certificate held in Jenkins (uploaded, generated
 * or another credential's), a client secret, or a Key Vault reference. Instances are immutable: saving the form
 * makes a new one, so whatever is parsed from one is parsed once per credential version.
 */
public abstract class AppSecretSource implements Describable<AppSecretSource>, Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The secret core authenticates with.
     *
     * @throws ExoTokenException with a message naming the credential and what to fix
     * @throws InterruptedException when the build or request was cancelled while a vault was read
     */
    @NonNull
    public abstract AppSecret resolve(@NonNull SecretResolution resolution)
            throws ExoTokenException, InterruptedException;

    /**
     * The certificate this source holds in Jenkins itself, when there is one that can be read without a remote
     * call or another credential: for display names, the form and the expiry monitor.
     */
    @NonNull
    public Optional<CertificateInfo> storedCertificate() {
        return Optional.empty();
    }

    /** Whether the secret is a certificate (rather than a client secret), e.g. for the certificate file. */
    public abstract boolean isCertificate();

    /** Base of the source descriptors, so forms can list them. */
    public abstract static class SourceDescriptor extends Descriptor<AppSecretSource> {}
}
