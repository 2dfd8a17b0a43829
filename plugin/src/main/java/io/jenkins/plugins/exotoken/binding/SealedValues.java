package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values kept in the form Jenkins encrypts them with its own key ({@link Secret#getEncryptedValue()}), so that
 * whatever is serialized with a block — the Pipeline's program state included — holds only ciphertext. They can be
 * opened on the controller only.
 */
final class SealedValues implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> encrypted;

    private SealedValues(List<String> encrypted) {
        this.encrypted = List.copyOf(encrypted);
    }

    @NonNull
    static SealedValues seal(@NonNull Collection<String> values) {
        List<String> encrypted = new ArrayList<>();
        for (String value : values) {
            encrypted.add(Secret.fromString(value).getEncryptedValue());
        }
        return new SealedValues(encrypted);
    }

    /**
     * The values in plain text.
     *
     * @throws IllegalStateException when a value cannot be decrypted (not on the controller that sealed it)
     */
    @NonNull
    List<String> open() {
        List<String> plain = new ArrayList<>();
        for (String value : encrypted) {
            Secret secret = Secret.decrypt(value);
            if (secret == null) {
                throw new IllegalStateException("a sealed value can be opened only on the controller that sealed it");
            }
            plain.add(secret.getPlainText());
        }
        return plain;
    }

    int size() {
        return encrypted.size();
    }
}
