package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;

/**
 * Creates a self-signed RSA certificate for an Entra ID app registration, and the PFX that holds it with its
 * private key: the guided setup of the Jenkins credential and {@code exo-token new-certificate}.
 *
 * <p>Bounds, and why:
 * <ul>
 *   <li>Key size {@value #DEFAULT_KEY_SIZE} or 3072 bits: Entra ID signs in with RSA keys of 2048 bits or more;
 *       3072 bits is the NIST size for security beyond 2030; larger keys only slow every assertion down.</li>
 *   <li>Validity {@value #MIN_DAYS} to {@value #MAX_DAYS} days, {@value #DEFAULT_DAYS} by default (what
 *       Microsoft's Exchange app-only guide uses). Entra ID itself sets no maximum for a certificate credential
 *       (it takes the certificate's own dates), but a tenant's app management policy may; ten years is the
 *       sane outer limit for a key that never leaves its store.</li>
 *   <li>Common name: 1 to {@value #MAX_NAME_LENGTH} characters (the X.520 upper bound for a CN), no control
 *       characters; surrounding white space is dropped.</li>
 * </ul>
 * Validity starts {@link #CLOCK_SKEW} before now, so a server whose clock is slightly behind already accepts it.
 */
public final class CertificateGenerator {

    public static final int DEFAULT_KEY_SIZE = 2048;
    public static final int DEFAULT_DAYS = 365;
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;
    public static final int MAX_NAME_LENGTH = 64;
    /** How long before "now" validity starts. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final List<Integer> KEY_SIZES = List.of(2048, 3072);
    /** 24 random bytes: 32 base64url characters, 192 bits. */
    private static final int PASSWORD_BYTES = 24;

    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param clock "now" for the validity period
     * @param random for the key, the serial number, the PFX's salts and a generated password
     */
    public CertificateGenerator(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The key sizes {@link #generate} accepts, smallest first. */
    public static List<Integer> keySizes() {
        return KEY_SIZES;
    }

    /**
     * A new certificate in a PFX protected by a new random password (32 base64url characters).
     *
     * @param commonName the subject's CN, e.g. derived from the app's name
     * @param keySize RSA bits: 2048 or 3072
     * @param validityDays from {@value #MIN_DAYS} to {@value #MAX_DAYS}
     * @throws InvalidInputException naming the input that is out of bounds and the allowed values
     */
    public GeneratedCertificate generate(String commonName, int keySize, int validityDays)
            throws InvalidInputException {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return generate(commonName, keySize, validityDays,
                SecretValue.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }

    /**
     * A new certificate in a PFX protected by the caller's password.
     *
     * @param password protects the PFX; not empty
     * @throws InvalidInputException naming the input that is out of bounds, or when the password is empty
     */
    public GeneratedCertificate generate(String commonName, int keySize, int validityDays, SecretValue password)
            throws InvalidInputException {
        String name = validName(commonName);
        requireKeySize(keySize);
        requireDays(validityDays);
        if (password.isEmpty()) {
            throw new InvalidInputException("The password for the new PFX is empty: give a password, since the PFX"
                    + " holds the private key.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // X.509 times have whole seconds
        KeyPair keys = rsa(keySize);
        X509Certificate certificate = SelfSignedCertificate.create(name, keys, now.minus(CLOCK_SKEW),
                now.plus(Duration.ofDays(validityDays)), random);
        byte[] pkcs12 = password.withChars(chars -> Pkcs12Writer.write(name, certificate, keys.getPrivate(), chars,
                random));
        // The key object itself cannot be wiped (JDK RSA keys do not support destroy()); only the PFX keeps it.
        CertificateInfo info = CertificateInfo.of(
                new LoadedCertificate(CertificateFormat.PKCS12, List.of(certificate), keys.getPrivate()));
        return new GeneratedCertificate(pkcs12, password, certificate, info);
    }

    /**
     * The successor of {@code current} for a rotation: a new key and certificate with the same subject CN and
     * key size, valid from now. The key size is kept when it is 2048 or 3072 bits; a smaller or non-RSA key is
     * replaced by a {@value #DEFAULT_KEY_SIZE}-bit one and a larger key by a 3072-bit one, the sizes generated here.
     *
     * @param current the certificate in use; it stays valid, so the app registration can hold both during rotation
     * @throws InvalidInputException when {@code current} has no usable common name, or the days are out of bounds
     */
    public GeneratedCertificate successorOf(X509Certificate current, int validityDays, SecretValue password)
            throws InvalidInputException {
        return generate(commonName(current), successorKeySize(current), validityDays, password);
    }

    /** {@link #successorOf(X509Certificate, int, SecretValue)} with a new random password. */
    public GeneratedCertificate successorOf(X509Certificate current, int validityDays) throws InvalidInputException {
        return generate(commonName(current), successorKeySize(current), validityDays);
    }

    private static int successorKeySize(X509Certificate current) {
        return successorKeySize(CertificateInfo.keySize(current.getPublicKey()), current.getPublicKey().getAlgorithm());
    }

    static int successorKeySize(int bits, String algorithm) {
        if (!"RSA".equals(algorithm) || bits < KEY_SIZES.get(0)) {
            return DEFAULT_KEY_SIZE;
        }
        return KEY_SIZES.contains(bits) ? bits : KEY_SIZES.get(KEY_SIZES.size() - 1);
    }

    private static String commonName(X509Certificate current) throws InvalidInputException {
        RDN[] names = X500Name.getInstance(current.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        if (names.length == 0 || !(names[0].getFirst().getValue() instanceof ASN1String cn)) {
            throw new InvalidInputException("The certificate " + Thumbprints.sha1(current) + " has no common name"
                    + " (CN) in its subject to give its successor: generate a new certificate with a name instead.");
        }
        return cn.getString();
    }

    /**
     * Checks a subject common name as {@link #generate} would, e.g. for a form field.
     *
     * @return the name without surrounding spaces
     * @throws InvalidInputException when it is empty, not one printable line, or longer than a CN may be
     */
    public static String validName(@Nullable String commonName) throws InvalidInputException {
        String name = commonName == null ? "" : commonName.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("The certificate name is empty: give a name for its subject (CN), e.g."
                    + " the app's name.");
        }
        if (Printable.hasControlCharacters(name)) {
            throw new InvalidInputException("The certificate name " + Printable.quote(name) + " contains a line break"
                    + " or another control character: give it on one line, printable characters only.");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            throw new InvalidInputException("The certificate name " + Printable.quote(name) + " has " + length
                    + " characters; a certificate's common name (CN) has at most " + MAX_NAME_LENGTH
                    + ": shorten it.");
        }
        return name;
    }

    private static void requireKeySize(int keySize) throws InvalidInputException {
        if (!KEY_SIZES.contains(keySize)) {
            throw new InvalidInputException("Key size " + keySize + " bits is not offered: choose 2048 or 3072 bits"
                    + " (RSA).");
        }
    }

    private static void requireDays(int days) throws InvalidInputException {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new InvalidInputException("Validity of " + days + " days is out of range: choose from " + MIN_DAYS
                    + " to " + MAX_DAYS + " days (" + DEFAULT_DAYS + " is usual).");
        }
    }

    private KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required by every Java platform", e);
        }
    }
}
