package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Reads certificate material whatever its encoding: PFX/PKCS#12 (binary or Base64), PEM, or a lone DER
 * certificate. The format is told from the bytes, never from a file name, since admins upload
 * {@code .pfx}, {@code .p12}, {@code .pem}, {@code .crt} and {@code .cer} files interchangeably.
 *
 * <p>Works on the caller's bytes without turning key material into {@code String}s; copies it makes (a decoded
 * Base64 PFX, the password's characters) are cleared before it returns. Problems are reported as
 * {@link InvalidInputException}s whose message names {@code source}, says what is wrong and what to do.
 */
final class CertificateReader {

    private static final int MAX_BYTES = 1 << 20;
    private static final byte[] PEM_BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Pkcs12Reader pkcs12 = new Pkcs12Reader();
    private final PemReader pem = new PemReader();

    /**
     * @param source names the input in messages, e.g. {@code "certificate file app.pfx"}
     * @param data a PFX, a PEM bundle (certificate and key together), a PEM certificate, or a DER certificate
     * @param separateKey a PEM key from its own file (as {@code openssl req -x509 -keyout} writes it), or null
     * @param password the PFX or PEM key password; {@link SecretValue#empty()} when there is none
     */
    LoadedCertificate read(String source, byte @Nullable [] data, byte @Nullable [] separateKey, SecretValue password)
            throws InvalidInputException {
        return password.withChars(chars -> readWith(source, data, separateKey, chars));
    }

    /** One blob: a PFX, a PEM bundle or a DER certificate. */
    LoadedCertificate read(String source, byte[] data, SecretValue password) throws InvalidInputException {
        return read(source, data, null, password);
    }

    private LoadedCertificate readWith(String source, byte @Nullable [] data, byte @Nullable [] separateKey,
            char[] password)
            throws InvalidInputException {
        checkSize(source, data);
        if (separateKey == null || separateKey.length == 0) {
            return readOne(source, data, password);
        }
        checkSize(source, separateKey);
        if (indexOf(data, PEM_BEGIN) < 0 || indexOf(separateKey, PEM_BEGIN) < 0) {
            throw new InvalidInputException(source + ": a separate key file is only read with PEM input; both"
                    + " files must be PEM text (a PFX already holds its key).");
        }
        InputStream newline = new ByteArrayInputStream(new byte[] {'\n'});
        return pem.read(source, new SequenceInputStream(new SequenceInputStream(text(data), newline),
                text(separateKey)), password);
    }

    private LoadedCertificate readOne(String source, byte[] data, char[] password) throws InvalidInputException {
        if (data[0] == 0x30) {
            return derOrPkcs12(source, data, password);
        }
        if (indexOf(data, PEM_BEGIN) >= 0) {
            return pem.read(source, text(data), password);
        }
        byte[] decoded = decodeBase64(data);
        try {
            if (decoded != null && decoded.length > 0 && decoded[0] == 0x30) {
                return derOrPkcs12(source, decoded, password);
            }
        } finally {
            if (decoded != null) {
                Arrays.fill(decoded, (byte) 0);
            }
        }
        throw new InvalidInputException(source + " is neither a PFX/PKCS#12 file nor PEM text (random or"
                + " truncated data?): export the certificate with its private key as .pfx, or as PEM with"
                + " '-----BEGIN CERTIFICATE-----' and a private key block.");
    }

    private static void checkSize(String source, byte @Nullable [] data) throws InvalidInputException {
        if (data == null || data.length == 0) {
            throw new InvalidInputException(source + " is empty: upload the PFX or PEM file that holds the app's"
                    + " certificate and private key.");
        }
        if (data.length > MAX_BYTES) {
            throw new InvalidInputException(source + " is " + data.length + " bytes, more than a certificate file"
                    + " holds (1 MiB at most): is it the right file?");
        }
    }

    private LoadedCertificate derOrPkcs12(String source, byte[] der, char[] password) throws InvalidInputException {
        if (DerCertificate.looksLikeCertificate(der)) {
            return new LoadedCertificate(CertificateFormat.DER_CERTIFICATE, DerCertificate.parse(source, der), null);
        }
        return pkcs12.read(source, der, password);
    }

    /** The bytes as a stream, without a UTF-8 byte order mark (Bouncy Castle would miss the first BEGIN line). */
    private static InputStream text(byte[] data) {
        int start = startsWith(data, UTF8_BOM) ? UTF8_BOM.length : 0;
        return new ByteArrayInputStream(data, start, data.length - start);
    }

    /**
     * Base64 text (as Key Vault and JCasC hand a PFX over), standard or URL-safe, with any whitespace; null
     * when it is something else.
     */
    private static byte @Nullable [] decodeBase64(byte[] data) {
        byte[] compact = new byte[data.length];
        int length = 0;
        boolean urlSafe = false;
        try {
            for (int i = startsWith(data, UTF8_BOM) ? UTF8_BOM.length : 0; i < data.length; i++) {
                byte b = data[i];
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0B) {
                    continue;
                }
                boolean standard = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                        || b == '+' || b == '/' || b == '=';
                if (!standard && b != '-' && b != '_') {
                    return null;
                }
                urlSafe |= b == '-' || b == '_';
                compact[length++] = b;
            }
            Base64.Decoder decoder = urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder();
            ByteBuffer decoded = decoder.decode(ByteBuffer.wrap(compact, 0, length));
            byte[] result = new byte[decoded.remaining()];
            decoded.get(result);
            Arrays.fill(decoded.array(), (byte) 0);
            return result;
        } catch (IllegalArgumentException e) {
            return null;
        } finally {
            Arrays.fill(compact, (byte) 0);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
