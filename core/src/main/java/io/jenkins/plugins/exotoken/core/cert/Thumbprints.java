package io.jenkins.plugins.exotoken.core.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Certificate thumbprints in the form the Azure portal and Windows show them: uppercase hex, no separators. */
final class Thumbprints {

    private Thumbprints() {}

    /** SHA-1 over the DER encoding: 40 hex digits, as in the app registration's "Certificates & secrets" page. */
    static String sha1(X509Certificate certificate) {
        return hex("SHA-1", certificate);
    }

    /** SHA-256 over the DER encoding: 64 hex digits. */
    static String sha256(X509Certificate certificate) {
        return hex("SHA-256", certificate);
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every Java platform", e);
        }
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate re-encodes", e);
        }
    }

    private static String hex(String algorithm, X509Certificate certificate) {
        return HexFormat.of().withUpperCase().formatHex(digest(algorithm, der(certificate)));
    }
}
