package io.jenkins.plugins.exotoken.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret string (client secret, password) that never prints itself: {@link #toString()} is a fixed mask,
 * and equality is by a digest so the value need not be compared in logs or maps.
 */
public final class SecretValue {

    private static final SecretValue EMPTY = new SecretValue("");

    private final String value;

    private SecretValue(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static SecretValue of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new SecretValue(value);
    }

    public static SecretValue empty() {
        return EMPTY;
    }

    /** The plain value, for the one place that must send or decrypt with it. */
    public String reveal() {
        return value;
    }

    public char[] toChars() {
        return value.toCharArray();
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** SHA-256 of the value: identifies a version of the secret without holding it. */
    public byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && MessageDigest.isEqual(digest(), other.digest());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest());
    }

    @Override
    public String toString() {
        return "****";
    }
}
