package io.jenkins.plugins.exotoken;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The name of an app credential in lists: organization, the start of the app id, where the secret comes from,
 * and for a certificate held in Jenkins the start of its thumbprint and its expiry date, then the description.
 */
final class DisplayName {

    private static final int ID_PREFIX = 8;

    private DisplayName() {}

    @NonNull
    static String of(@NonNull ExchangeOnlineAppCredentials credentials) {
        StringBuilder name = new StringBuilder();
        name.append(Util.fixEmpty(credentials.getOrganization()) == null
                ? credentials.getTenant() : credentials.getOrganization());
        name.append(" / app ").append(prefix(credentials.getClientId()));
        name.append(" / ").append(credentials.getSecretSource().getDescriptor().getDisplayName());
        Optional<CertificateInfo> certificate = credentials.getSecretSource().storedCertificate();
        certificate.ifPresent(info -> name.append(' ').append(prefix(info.thumbprintSha1()))
                .append(", expires ").append(info.notAfter().atZone(ZoneOffset.UTC).toLocalDate()));
        String description = Util.fixEmptyAndTrim(credentials.getDescription());
        if (description != null) {
            name.append(" (").append(description).append(')');
        }
        return name.toString();
    }

    private static String prefix(String value) {
        return value.length() <= ID_PREFIX ? value : value.substring(0, ID_PREFIX) + "…";
    }
}
