package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Compile-only declaration of {@code SecretBytes} (jenkinsci/credentials-plugin). Upstream keeps the bytes
 * encrypted and decrypts a fresh copy on each {@link #getPlainData()}; the stub keeps them plain and also hands
 * out a fresh copy, so a caller that clears what it got does not clear the secret.
 */
public class SecretBytes implements Serializable {

    private static final long serialVersionUID = 1L;

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
}
