package io.jenkins.plugins.exotoken.core.secret;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.KeyedDigest;
import io.jenkins.plugins.exotoken.core.SecretValue;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A client secret of the app registration.
 *
 * @param value the secret, which never prints itself
 */
public record ClientSecret(SecretValue value) implements AppSecret {

    public ClientSecret {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param source names the input in messages, e.g. {@code "environment variable EXO_SECRET"}
     * @throws InvalidInputException when empty
     */
    public static ClientSecret of(String source, @Nullable SecretValue value) throws InvalidInputException {
        if (value == null || value.reveal().isBlank()) {
            throw new InvalidInputException("The client secret from " + source + " is empty: copy the secret's"
                    + " Value (not its Secret ID) from the app registration's Certificates & secrets page.");
        }
        if (!value.reveal().equals(value.reveal().strip())) {
            return new ClientSecret(SecretValue.of(value.reveal().strip()));
        }
        return new ClientSecret(value);
    }

    /** A keyed digest of the secret, comparable only within this process (see {@link KeyedDigest}). */
    @Override
    public String version() {
        return "secret:" + HexFormat.of().formatHex(value.digest());
    }

    @Override
    public String describe() {
        return "client secret";
    }

    @Override
    public String toString() {
        return "ClientSecret[****]";
    }
}
