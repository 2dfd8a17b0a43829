package io.jenkins.plugins.exotoken.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A secret string (client secret, password) that never prints itself: {@link #toString()} is a fixed mask,
 * and equality is by a {@linkplain KeyedDigest keyed digest} so the value need not be compared in logs or maps.
 */
public final class SecretValue {

    private static final SecretValue EMPTY = new SecretValue("");

    private final String value;

    private SecretValue(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The value; {@code null} or {@code ""} give {@link #empty()}. */
    public static SecretValue of(@Nullable String value) {
        return value == null || value.isEmpty() ? EMPTY : new SecretValue(value);
    }

    /** No secret: e.g. a PFX without a password. */
    public static SecretValue empty() {
        return EMPTY;
    }

    /** The plain value, for the one place that must send or decrypt with it. */
    public String reveal() {
        return value;
    }

    /** Something done with the secret's characters; the array is cleared when it returns. */
    @FunctionalInterface
    public interface CharsFunction<T, E extends Exception> {
        /** @param chars the secret's characters; valid only during the call, do not keep them */
        T apply(char[] chars) throws E;
    }

    /**
     * Hands a copy of the characters to {@code function} (e.g. a key store that wants a {@code char[]} password)
     * and fills the copy with zeros afterwards, however the function ends.
     */
    public <T, E extends Exception> T withChars(CharsFunction<T, E> function) throws E {
        char[] chars = value.toCharArray();
        try {
            return function.apply(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Whether there is no secret at all. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** A {@linkplain KeyedDigest keyed digest} of the value: identifies it within this process without holding it. */
    public byte[] digest() {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        try {
            return KeyedDigest.perProcess().digest(utf8);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
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
