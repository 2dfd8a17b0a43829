package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Compile-only declaration of {@code SecretBytes} (jenkinsci/credentials-plugin). Upstream keeps the bytes
 * encrypted and decrypts a fresh copy on each {@link #getPlainData()}; the stub keeps them plain and also hands
 * out a fresh copy, so a caller that clears what it got does not clear the secret. Its "encrypted" text form
 * ({@link #toString()}) is a keyless stand-in like {@code hudson.util.Secret}'s: {@code "{" + Base64(marker + bytes)
 * + "}"}, never the plain bytes; {@link #fromString(String)} reverses it and, as upstream, takes any other text as
 * Base64 of the plain bytes.
 */
public class SecretBytes implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final byte[] MARKER =
            "\u0000exo-token-jenkins-api keyless stand-in\u0000".getBytes(StandardCharsets.UTF_8);

    @NonNull
    private final byte[] value;

    private SecretBytes(@NonNull byte[] value) {
        this.value = value;
    }

    @NonNull
    public byte[] getPlainData() {
        return value.clone();
    }

    public static SecretBytes fromRawBytes(byte[] data) {
        return new SecretBytes(data == null ? new byte[0] : data.clone());
    }

    @NonNull
    public static SecretBytes fromString(String data) {
        String text = data == null ? "" : data;
        try {
            if (text.length() >= 2 && text.startsWith("{") && text.endsWith("}")) {
                byte[] decoded = Base64.getDecoder().decode(text.substring(1, text.length() - 1));
                if (decoded.length >= MARKER.length
                        && Arrays.equals(Arrays.copyOf(decoded, MARKER.length), MARKER)) {
                    return new SecretBytes(Arrays.copyOfRange(decoded, MARKER.length, decoded.length));
                }
            }
            return new SecretBytes(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            // Not Base64: upstream holds no bytes then.
            return new SecretBytes(new byte[0]);
        }
    }

    @Override
    public String toString() {
        byte[] payload = Arrays.copyOf(MARKER, MARKER.length + value.length);
        System.arraycopy(value, 0, payload, MARKER.length, value.length);
        return "{" + Base64.getEncoder().encodeToString(payload) + "}";
    }
}
