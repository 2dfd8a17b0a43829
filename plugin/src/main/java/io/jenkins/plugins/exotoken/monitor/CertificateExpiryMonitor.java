package io.jenkins.plugins.exotoken.monitor;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.exotoken.Messages;
import java.util.List;

/**
 * Tells administrators which Exchange Online app credentials hold a certificate that has expired or expires within
 * 30 days, with a link to each: an expired certificate stops every build that uses the app.
 */
@Extension
public final class CertificateExpiryMonitor extends AdministrativeMonitor {

    private volatile List<ExpiringCertificate> certificates = List.of();

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.CertificateExpiryMonitor_displayName();
    }

    @Override
    public boolean isActivated() {
        return !certificates.isEmpty();
    }

    @Override
    public boolean isSecurity() {
        return false;
    }

    /** The certificates found by the last check, soonest expiry first. */
    @NonNull
    public List<ExpiringCertificate> getCertificates() {
        return certificates;
    }

    void update(@NonNull List<ExpiringCertificate> found) {
        certificates = List.copyOf(found);
    }
}
