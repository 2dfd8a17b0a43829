package io.jenkins.plugins.exotoken.core.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A bearer token with its expiry. The value never prints itself: {@link #toString()} shows only the
 * expiry and scope, so a token can be logged by mistake without leaking.
 */
public final class AccessToken {

    /**
     * The longest lifetime accepted from a token answer: Entra ID issues tokens for at most a day (managed identity
     * tokens included); an hour of margin for clock differences.
     */
    static final Duration MAX_LIFETIME = Duration.ofHours(25);

    private final String value;
    private final String tokenType;
    private final Instant expiresOn;
    private final TokenScope scope;

    public AccessToken(String value, @Nullable String tokenType, Instant expiresOn, TokenScope scope) {
        this.value = Objects.requireNonNull(value, "value");
        this.tokenType = tokenType == null || tokenType.isBlank() ? "Bearer" : tokenType;
        this.expiresOn = Objects.requireNonNull(expiresOn, "expiresOn");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Why a token answer cannot be used, as a fragment for a message, or {@code null} when it can: the token must
     * be printable ASCII without whitespace (a JWT or an opaque token; a line break in it could forge lines
     * wherever it is printed), and its lifetime positive and at most {@link #MAX_LIFETIME}.
     */
    static @Nullable String problem(@Nullable String value, @Nullable Instant expiresOn, Clock clock) {
        if (value == null || value.isEmpty()) {
            return "the answer has no access token";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "the access token in the answer contains characters no token has (a token is printable"
                        + " ASCII without spaces or line breaks)";
            }
        }
        if (expiresOn == null) {
            return "the answer has no expiry";
        }
        Duration lifetime = Duration.between(clock.instant(), expiresOn);
        if (lifetime.isNegative() || lifetime.isZero()) {
            return "the token's lifetime is not positive (it expires at " + expiresOn + ")";
        }
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            return "the token's lifetime is more than " + MAX_LIFETIME.toHours() + " hours (it would expire at "
                    + expiresOn + "): check this machine's clock";
        }
        return null;
    }

    /** The token itself, for the one place that hands it on. */
    public String reveal() {
        return value;
    }

    public String tokenType() {
        return tokenType;
    }

    public Instant expiresOn() {
        return expiresOn;
    }

    public TokenScope scope() {
        return scope;
    }

    /**
     * Application roles the token carries (its {@code roles} claim), read without verifying the signature:
     * for diagnostics only, e.g. to warn that no application permission was granted. Empty when the claims cannot
     * be read (an opaque token), which says nothing about the roles.
     */
    public Optional<List<String>> roles() {
        return TokenClaims.roles(value);
    }

    @Override
    public String toString() {
        return "AccessToken[" + tokenType + ", expires " + expiresOn + ", " + scope + "]";
    }
}
