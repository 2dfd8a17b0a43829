package io.jenkins.plugins.exotoken.core;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints of secret material — the "version" of a client secret or certificate credential, and
 * {@link SecretValue} equality — as HMAC-SHA256 under a key drawn at random once per process. A bare SHA-256
 * of a low-entropy secret can be brute-forced from the digest; a keyed one means nothing outside the process
 * that made it, so a fingerprint in a cache key, a heap dump or a log reveals nothing. Fingerprints are
 * therefore comparable only within one process: never persist them.
 */
public final class KeyedDigest {

    private static final String ALGORITHM = "HmacSHA256";
    private static final KeyedDigest PROCESS = random();

    private final SecretKeySpec key;

    private KeyedDigest(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The key of this process. */
    public static KeyedDigest perProcess() {
        return PROCESS;
    }

    /** A fresh random key, as another process would draw; for tests and for scopes shorter than the process. */
    public static KeyedDigest random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new KeyedDigest(key);
    }

    /**
     * The fingerprint of the parts, each length-prefixed so that {@code ("ab", "c")} and {@code ("a", "bc")}
     * differ. The caller clears its parts; nothing here keeps them.
     */
    public byte[] digest(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java platform", e);
        }
    }

    /** {@link #digest} in lowercase hex. */
    public String hex(byte[]... parts) {
        return HexFormat.of().formatHex(digest(parts));
    }
}
