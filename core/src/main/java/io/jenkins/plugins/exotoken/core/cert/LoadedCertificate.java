package io.jenkins.plugins.exotoken.core.cert;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a certificate file held, before validation: the chain with the leaf first, and the private key if any.
 *
 * @param format the encoding it was read from
 * @param chain leaf first, then its issuers as far as the file had them; never empty
 * @param privateKey the key, or {@code null} when the file had none
 */
public record LoadedCertificate(
        CertificateFormat format, List<X509Certificate> chain, @Nullable PrivateKey privateKey) {

    public LoadedCertificate {
        Objects.requireNonNull(format, "format");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a loaded certificate has at least one certificate");
        }
    }

    /** The app's own certificate: the first of the chain. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * The leaf certificate and the key as a new PFX with modern protection (AES-256, HMAC-SHA256), e.g. for a
     * tool that reads a certificate file.
     *
     * @param friendlyName the name Windows shows for the entry
     * @throws IllegalStateException when there is no private key, or the JVM cannot write such a PFX
     */
    public byte[] toPkcs12(String friendlyName, char[] password, SecureRandom random) {
        if (privateKey == null) {
            throw new IllegalStateException("no private key to write");
        }
        return Pkcs12Writer.write(friendlyName, leaf(), privateKey, password, random);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "LoadedCertificate[" + format.displayName() + ", " + Thumbprints.sha1(leaf())
                + (privateKey == null ? ", no private key" : ", with private key") + "]";
    }
}
