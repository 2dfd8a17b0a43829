package io.jenkins.plugins.exotoken.core.secret;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.KeyedDigest;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.cert.CertificateFormat;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import io.jenkins.plugins.exotoken.core.cert.CertificateReport;
import io.jenkins.plugins.exotoken.core.cert.Finding;
import io.jenkins.plugins.exotoken.core.cert.InspectedCertificate;
import io.jenkins.plugins.exotoken.core.cert.LoadedCertificate;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A certificate and its private key, validated for app authentication. Built once per credential
 * version (parsing and validating cost milliseconds; a token request should not pay them).
 */
public final class AppCertificate implements AppSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final CertificateReport report;
    private final String version;

    private AppCertificate(PrivateKey privateKey, List<X509Certificate> chain, CertificateReport report) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.report = report;
        this.version = "certificate:" + digest(this.chain);
    }

    /**
     * Reads, validates and builds a certificate credential in one call.
     *
     * @param source names the input in messages, e.g. {@code "credential 'exo-app'"}
     * @param data the PFX (binary or Base64), the PEM bundle, or the PEM certificate when the key is separate
     * @param separateKey a PEM private key kept in its own file, or {@code null}
     * @param password the PFX or PEM key password; {@link SecretValue#empty()} when there is none
     * @param clock decides what "expired" means for the warnings
     * @throws InvalidInputException when the material cannot be read, or has errors (no key, key mismatch,
     *     non-RSA key): the message names {@code source} and lists every error
     * @see InspectedCertificate#read to show the findings of a certificate that cannot be used
     */
    public static AppCertificate read(String source, byte @Nullable [] data, byte @Nullable [] separateKey,
            SecretValue password,
            Clock clock) throws InvalidInputException {
        return of(source, InspectedCertificate.read(source, data, separateKey, password, clock));
    }

    /**
     * @param source names the input in messages
     * @param inspected what was read and what validating it found
     * @throws InvalidInputException listing every error of the report
     */
    public static AppCertificate of(String source, InspectedCertificate inspected) throws InvalidInputException {
        CertificateReport report = inspected.report();
        if (!report.usable()) {
            throw new InvalidInputException(source + " cannot be used: " + report.errors().stream()
                    .map(Finding::message)
                    .collect(Collectors.joining(" ")),
                    report.errors().stream().map(Finding::cause).filter(Objects::nonNull).findFirst().orElse(null));
        }
        LoadedCertificate loaded = inspected.loaded();
        return new AppCertificate(loaded.privateKey(), loaded.chain(), report);
    }

    /**
     * This certificate and its key as a new PFX, for tools that read a certificate file
     * ({@code Connect-ExchangeOnline -CertificateFilePath}): modern protection (AES-256, HMAC-SHA256).
     *
     * @param password protects the PFX; not empty
     * @throws InvalidInputException when the password is empty
     */
    public byte[] toPkcs12(SecretValue password) throws InvalidInputException {
        if (password.isEmpty()) {
            throw new InvalidInputException("A certificate file needs a password: it holds the private key.");
        }
        LoadedCertificate loaded = new LoadedCertificate(CertificateFormat.PKCS12, chain, privateKey);
        return password.withChars(chars -> loaded.toPkcs12("exo-token", chars, RANDOM));
    }

    /** The key that signs client assertions. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Leaf first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Thumbprints, names, validity and key of the leaf. */
    public CertificateInfo info() {
        return report.info();
    }

    /** What validating it found: warnings only (expiring soon, weak key, …), since it has no errors. */
    public CertificateReport report() {
        return report;
    }

    /** Warnings found when it was validated (expiring soon, weak key, …). */
    public List<Finding> warnings() {
        return report.warnings();
    }

    /** A keyed digest of the chain, comparable only within this process (see {@link KeyedDigest}). */
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

    /**
     * A keyed digest of the chain. Public material suffices: the inspection guarantees the key belongs to the
     * leaf, so the key's encoding need not be copied out of its object (it could not be cleared afterwards in
     * every provider, and some hardware keys have none).
     */
    private static String digest(List<X509Certificate> chain) {
        byte[][] encoded = new byte[chain.size()][];
        for (int i = 0; i < encoded.length; i++) {
            try {
                encoded[i] = chain.get(i).getEncoded();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate re-encodes", e);
            }
        }
        return KeyedDigest.perProcess().hex(encoded);
    }
}
