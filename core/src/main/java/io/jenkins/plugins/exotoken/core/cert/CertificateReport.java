package io.jenkins.plugins.exotoken.core.cert;

import java.util.List;

/**
 * A certificate's facts and what validating it found.
 *
 * @param info thumbprints, names, validity and key
 * @param findings errors first, then warnings
 */
public record CertificateReport(CertificateInfo info, List<Finding> findings) {

    public CertificateReport {
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).toList();
    }

    /** Whether a token can be requested with it: no errors. */
    public boolean usable() {
        return errors().isEmpty();
    }
}
