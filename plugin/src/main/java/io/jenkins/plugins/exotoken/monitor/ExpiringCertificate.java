package io.jenkins.plugins.exotoken.monitor;

import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.exotoken.ExchangeOnlineAppCredentials;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * An app credential whose certificate has expired or expires soon, and where it is kept.
 *
 * @param credentialId the credential's id
 * @param thumbprint the certificate's SHA-1 thumbprint, as the app registration shows it
 * @param notAfter the end of the certificate's validity
 * @param expired whether that end has passed
 * @param store the store holding the credential, for the link; {@code null} in tests
 * @param domain the domain holding it, for the link; {@code null} in tests
 */
public record ExpiringCertificate(@NonNull String credentialId, @NonNull String thumbprint, @NonNull Instant notAfter,
        boolean expired, @CheckForNull CredentialsStore store, @CheckForNull Domain domain) {

    /**
     * The warning for a credential, if its certificate is held in Jenkins and expires within core's warning period
     * ({@link CertificateInfo#EXPIRY_WARNING}).
     * Certificates kept elsewhere (a vault, another credential) are not read for this.
     */
    @NonNull
    public static Optional<ExpiringCertificate> check(@NonNull ExchangeOnlineAppCredentials credentials,
            @NonNull Instant now, @CheckForNull CredentialsStore store, @CheckForNull Domain domain) {
        Optional<CertificateInfo> certificate = credentials.getSecretSource().storedCertificate();
        if (certificate.isEmpty() || !certificate.get().expiresWithinWarning(now)) {
            return Optional.empty();
        }
        CertificateInfo info = certificate.get();
        return Optional.of(new ExpiringCertificate(credentials.getId(), info.thumbprintSha1(), info.notAfter(),
                !info.notAfter().isAfter(now), store, domain));
    }

    /** The expiry as a date, for the message. */
    @NonNull
    public String getExpiryDate() {
        return notAfter.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** A link to the credential's page relative to the web root, or {@code null} when none can be made. */
    @CheckForNull
    public String getLink() {
        if (store == null || domain == null) {
            return null;
        }
        String domainLink = store.getRelativeLinkTo(domain);
        return domainLink == null ? null : domainLink + "credential/" + credentialId + "/";
    }
}
