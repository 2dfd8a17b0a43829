package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.SecretValue;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;

/**
 * A freshly generated app certificate: the PFX that holds it with its private key, the password that protects the
 * PFX, and the public certificate to upload to the app registration.
 *
 * <p>Store {@link #pkcs12()} and {@link #password()} exactly like an uploaded PFX and its password; they read back
 * with {@code AppCertificate.read} and {@link InspectedCertificate#read}. The private key exists nowhere else: this
 * object never holds it outside the encrypted PFX.
 *
 * <p>Not a record: its byte arrays are copied in and out, and it compares by identity.
 */
public final class GeneratedCertificate {

    private final byte[] pkcs12;
    private final SecretValue password;
    private final X509Certificate certificate;
    private final CertificateInfo info;

    GeneratedCertificate(byte[] pkcs12, SecretValue password, X509Certificate certificate, CertificateInfo info) {
        this.pkcs12 = pkcs12.clone();
        this.password = Objects.requireNonNull(password, "password");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.info = Objects.requireNonNull(info, "info");
    }

    /** The PFX/PKCS#12 file: the certificate and its private key, encrypted with {@link #password()}. A copy. */
    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    /** The password that opens {@link #pkcs12()}. */
    public SecretValue password() {
        return password;
    }

    /** The public certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The public certificate as DER: the {@code .cer} file the Azure portal's "Upload certificate" takes. */
    public byte[] cer() {
        return Thumbprints.der(certificate);
    }

    /** The public certificate as PEM ({@code -----BEGIN CERTIFICATE-----}), for tools that want text. */
    public String pem() {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cer())
                + "\n-----END CERTIFICATE-----\n";
    }

    /**
     * Thumbprints (SHA-1 as the Azure portal shows it, and SHA-256), subject, validity and key size. Its
     * {@code hasPrivateKey} tells what the PFX holds: always {@code true}.
     */
    public CertificateInfo info() {
        return info;
    }

    /** Never prints the password or key material. */
    @Override
    public String toString() {
        return "GeneratedCertificate[" + info.subject() + ", " + info.thumbprintSha1() + "]";
    }
}
