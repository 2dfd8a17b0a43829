package io.jenkins.plugins.exotoken.core.cert;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;

/**
 * The facts an admin compares with the app registration: thumbprints, names, validity, key.
 *
 * @param thumbprintSha1 40 uppercase hex digits, as the Azure portal shows
 * @param thumbprintSha256 64 uppercase hex digits
 * @param subject subject distinguished name (RFC 2253)
 * @param issuer issuer distinguished name (RFC 2253)
 * @param serialNumber serial number, uppercase hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param keyAlgorithm {@code RSA}, {@code EC}, …
 * @param keySize key size in bits (RSA modulus, EC field), or 0 when unknown
 * @param hasPrivateKey whether the input carried the private key
 * @param chainLength certificates in the input, leaf included
 * @param format the encoding it was read from
 */
public record CertificateInfo(
        String thumbprintSha1,
        String thumbprintSha256,
        String subject,
        String issuer,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        int keySize,
        boolean hasPrivateKey,
        int chainLength,
        CertificateFormat format) {

    /** How long before its end a certificate is reported as expiring: time to renew, upload and switch. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    /** Whether the certificate has expired at {@code now}, or expires within {@link #EXPIRY_WARNING}. */
    public boolean expiresWithinWarning(Instant now) {
        return Duration.between(now, notAfter).compareTo(EXPIRY_WARNING) <= 0;
    }

    static CertificateInfo of(LoadedCertificate loaded) {
        X509Certificate leaf = loaded.leaf();
        return new CertificateInfo(
                Thumbprints.sha1(leaf),
                Thumbprints.sha256(leaf),
                leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
                leaf.getIssuerX500Principal().getName(X500Principal.RFC2253),
                leaf.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
                leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(),
                leaf.getPublicKey().getAlgorithm(),
                keySize(leaf.getPublicKey()),
                loaded.privateKey() != null,
                loaded.chain().size(),
                loaded.format());
    }

    static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey dsa) {
            BigInteger p = dsa.getParams().getP();
            return p.bitLength();
        }
        return 0;
    }
}
