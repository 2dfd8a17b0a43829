package io.jenkins.plugins.exotoken.source;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.KeyedDigest;
import io.jenkins.plugins.exotoken.core.cache.BoundedMap;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.cert.CertificateFormat;
import io.jenkins.plugins.exotoken.core.cert.InspectedCertificate;
import io.jenkins.plugins.exotoken.core.cert.LoadedCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The certificate of another credential: a Certificate credential (credentials plugin), or a Secret file holding
 * a PFX or PEM with an optional password from a Secret text credential. Both are looked up where the app
 * credential is used, so folder credentials work and nobody reaches a certificate they could not choose.
 */
public final class CertificateCredentialSource extends AppSecretSource {

    private static final long serialVersionUID = 1L;

    /**
     * Validated certificates by a keyed digest of what they were read from (the certificate and key, or the file
     * and its password): a credential whose content changes is read anew, one that does not is not parsed again.
     * Credentials compare by id, so the credential objects themselves cannot be the keys.
     */
    private static final BoundedMap<String, AppCertificate> PARSED = new BoundedMap<>(64);
    private static final KeyedDigest DIGEST = KeyedDigest.perProcess();

    private final String credentialsId;

    @CheckForNull
    private String passwordCredentialsId;

    @DataBoundConstructor
    public CertificateCredentialSource(@NonNull String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    @NonNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @CheckForNull
    public String getPasswordCredentialsId() {
        return passwordCredentialsId;
    }

    /** For a Secret file: the Secret text credential holding its password. */
    @DataBoundSetter
    public void setPasswordCredentialsId(@CheckForNull String passwordCredentialsId) {
        this.passwordCredentialsId = Util.fixEmptyAndTrim(passwordCredentialsId);
    }

    @Override
    public boolean isCertificate() {
        return true;
    }

    @NonNull
    @Override
    public AppSecret resolve(@NonNull SecretResolution resolution) throws InvalidInputException {
        IdCredentials holder = resolution.require(credentialsId, IdCredentials.class, "certificate");
        String label = resolution.label() + " (certificate credential '" + credentialsId + "')";
        if (holder instanceof StandardCertificateCredentials certificate) {
            return fromKeyStore(label, certificate, resolution);
        }
        if (holder instanceof FileCredentials file) {
            StringCredentials password = passwordCredentialsId == null ? null
                    : resolution.require(passwordCredentialsId, StringCredentials.class, "certificate password");
            return fromFile(label, file, password, resolution);
        }
        throw new InvalidInputException(Messages.CertificateCredentialSource_wrongType(
                credentialsId, resolution.label(), holder.getDescriptor().getDisplayName()));
    }

    private static AppCertificate fromKeyStore(String label, StandardCertificateCredentials certificate,
            SecretResolution resolution) throws InvalidInputException {
        char[] password = certificate.getPassword().getPlainText().toCharArray();
        try {
            KeyStore store = certificate.getKeyStore();
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate c : chain) {
                        certificates.add((X509Certificate) c);
                    }
                    // A key held in a device has no encoding: its certificate, to which it belongs, identifies it.
                    byte[] encodedKey = privateKey.getEncoded();
                    String version = DIGEST.hex(certificates.get(0).getEncoded(),
                            encodedKey == null ? new byte[0] : encodedKey);
                    if (encodedKey != null) {
                        Arrays.fill(encodedKey, (byte) 0);
                    }
                    AppCertificate known = PARSED.get(version);
                    if (known == null) {
                        known = AppCertificate.of(label, InspectedCertificate.of(
                                new LoadedCertificate(CertificateFormat.PKCS12, certificates, privateKey),
                                resolution.engine().clock()));
                        PARSED.put(version, known);
                    }
                    return known;
                }
            }
            throw new InvalidInputException(Messages.CertificateCredentialSource_noKey(label));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new InvalidInputException(Messages.CertificateCredentialSource_unreadable(label), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static AppCertificate fromFile(String label, FileCredentials file, @CheckForNull StringCredentials password,
            SecretResolution resolution) throws InvalidInputException {
        byte[] data;
        try (InputStream in = file.getContent()) {
            data = in.readNBytes((int) Uploads.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException(Messages.CertificateCredentialSource_unreadable(label), e);
        }
        try {
            if (data.length > Uploads.MAX_BYTES) {
                throw new InvalidInputException(Messages.CertificateCredentialSource_tooLarge(label));
            }
            SecretValue secret = password == null ? SecretValue.empty()
                    : SecretValue.of(password.getSecret().getPlainText());
            String version = DIGEST.hex(data, secret.digest());
            AppCertificate known = PARSED.get(version);
            if (known == null) {
                known = AppCertificate.read(label, data, null, secret, resolution.engine().clock());
                PARSED.put(version, known);
            }
            return known;
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    @Extension
    @Symbol("certificateCredential")
    public static final class DescriptorImpl extends SourceDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CertificateCredentialSource_displayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter String credentialsId) {
            return CredentialChoices.of(item, credentialsId, CredentialChoices.CERTIFICATE_HOLDERS);
        }

        @POST
        public ListBoxModel doFillPasswordCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter String passwordCredentialsId) {
            return CredentialChoices.of(item, passwordCredentialsId, CredentialChoices.SECRET_TEXTS);
        }
    }
}
