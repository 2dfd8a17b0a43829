package io.jenkins.plugins.exotoken.core.secret;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import io.jenkins.plugins.exotoken.core.cert.CertificateReport;
import io.jenkins.plugins.exotoken.core.cert.Finding;
import io.jenkins.plugins.exotoken.core.cert.LoadedCertificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A certificate and its private key, validated for app authentication. Built once per credential
 * version (parsing and validating cost milliseconds; a token request should not pay them).
 */
public final class AppCertificate implements AppSecret {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final CertificateReport report;
    private final String version;

    private AppCertificate(PrivateKey privateKey, List<X509Certificate> chain, CertificateReport report) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.report = report;
        this.version = "certificate:" + digest(privateKey, chain.get(0));
    }

    /**
     * @param source names the input in messages
     * @param loaded what was read
     * @param report the inspection of {@code loaded}
     * @throws InvalidInputException listing every error of the report
     */
    public static AppCertificate of(String source, LoadedCertificate loaded, CertificateReport report)
            throws InvalidInputException {
        if (!report.usable()) {
            throw new InvalidInputException(source + " cannot be used: " + report.errors().stream()
                    .map(Finding::message)
                    .collect(Collectors.joining(" ")));
        }
        return new AppCertificate(loaded.privateKey(), loaded.chain(), report);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Leaf first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public CertificateInfo info() {
        return report.info();
    }

    /** Warnings found when it was validated (expiring soon, weak key, …). */
    public List<Finding> warnings() {
        return report.warnings();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String describe() {
        return "certificate " + report.info().thumbprintSha1();
    }

    @Override
    public String toString() {
        return "AppCertificate[" + describe() + "]";
    }

    private static String digest(PrivateKey key, X509Certificate leaf) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(leaf.getEncoded());
            byte[] encodedKey = key.getEncoded();
            if (encodedKey != null) {
                sha.update(encodedKey);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate and SHA-256 are always available", e);
        }
    }
}
