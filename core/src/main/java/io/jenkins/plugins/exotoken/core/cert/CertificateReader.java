package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads certificate material whatever its encoding: PFX/PKCS#12 (binary or Base64), PEM, or a lone DER
 * certificate. The format is told from the bytes, never from a file name, since admins upload
 * {@code .pfx}, {@code .p12}, {@code .pem}, {@code .crt} and {@code .cer} files interchangeably.
 *
 * <p>Problems are reported as {@link InvalidInputException}s whose message names {@code source} (a file
 * or credential), says what is wrong (wrong password, corrupt data, …) and what to do.
 */
final class CertificateReader {

    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=_\\-\\s]+");
    private static final int MAX_BYTES = 1 << 20;

    private final Pkcs12Reader pkcs12 = new Pkcs12Reader();
    private final PemReader pem = new PemReader();

    /**
     * Reads one blob: a PFX, a PEM bundle (certificate and key together) or a DER certificate.
     *
     * @param source names the input in messages, e.g. {@code "certificate file app.pfx"}
     * @param password the PFX or PEM key password; {@link SecretValue#empty()} when there is none
     */
    LoadedCertificate read(String source, byte[] data, SecretValue password) throws InvalidInputException {
        if (data == null || data.length == 0) {
            throw new InvalidInputException(source + " is empty: upload the PFX or PEM file that holds the app's"
                    + " certificate and private key.");
        }
        if (data.length > MAX_BYTES) {
            throw new InvalidInputException(source + " is " + data.length + " bytes, more than a certificate file"
                    + " holds (1 MiB at most): is it the right file?");
        }
        if (data[0] == 0x30) {
            return derOrPkcs12(source, data, password);
        }
        String text = new String(data, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.contains("-----BEGIN ")) {
            return pem.read(source, text, password);
        }
        if (BASE64_TEXT.matcher(text).matches()) {
            byte[] decoded = decodeBase64(text);
            if (decoded != null && decoded.length > 0 && decoded[0] == 0x30) {
                return derOrPkcs12(source, decoded, password);
            }
        }
        throw new InvalidInputException(source + " is neither a PFX/PKCS#12 file nor PEM text (random or"
                + " truncated data?): export the certificate with its private key as .pfx, or as PEM with"
                + " '-----BEGIN CERTIFICATE-----' and a private key block.");
    }

    /**
     * Reads a certificate and its key from separate PEM files (as {@code openssl req -x509 -keyout} writes them).
     */
    LoadedCertificate read(String source, byte[] certificate, byte[] key, SecretValue password)
            throws InvalidInputException {
        if (key == null || key.length == 0) {
            return read(source, certificate, password);
        }
        String certText = new String(certificate, StandardCharsets.UTF_8);
        String keyText = new String(key, StandardCharsets.UTF_8);
        if (!certText.contains("-----BEGIN ") || !keyText.contains("-----BEGIN ")) {
            throw new InvalidInputException(source + ": a separate key file is only read with PEM input; both"
                    + " files must be PEM text (a PFX already holds its key).");
        }
        return pem.read(source, certText + "\n" + keyText, password);
    }

    private LoadedCertificate derOrPkcs12(String source, byte[] der, SecretValue password) throws InvalidInputException {
        if (DerCertificate.looksLikeCertificate(der)) {
            return new LoadedCertificate(CertificateFormat.DER_CERTIFICATE, DerCertificate.parse(source, der), null);
        }
        return pkcs12.read(source, der, password);
    }

    private static byte[] decodeBase64(String text) {
        String compact = text.replaceAll("\\s", "");
        try {
            return compact.contains("-") || compact.contains("_")
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
