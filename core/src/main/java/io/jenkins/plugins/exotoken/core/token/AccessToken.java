package io.jenkins.plugins.exotoken.core.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A bearer token with its expiry. The value never prints itself: {@link #toString()} shows only the
 * expiry and scope, so a token can be logged by mistake without leaking.
 */
public final class AccessToken {

    private final String value;
    private final String tokenType;
    private final Instant expiresOn;
    private final TokenScope scope;

    public AccessToken(String value, String tokenType, Instant expiresOn, TokenScope scope) {
        this.value = Objects.requireNonNull(value, "value");
        this.tokenType = tokenType == null || tokenType.isBlank() ? "Bearer" : tokenType;
        this.expiresOn = Objects.requireNonNull(expiresOn, "expiresOn");
        this.scope = Objects.requireNonNull(scope, "scope");
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

    /** Whether at least {@code minimum} is left before expiry. */
    public boolean validFor(Duration minimum, Clock clock) {
        return clock.instant().plus(minimum).isBefore(expiresOn);
    }

    /**
     * Application roles the token carries (its {@code roles} claim), read without verifying the signature:
     * for diagnostics only, e.g. to warn that no application permission was granted.
     */
    public List<String> roles() {
        return TokenClaims.roles(value);
    }

    @Override
    public String toString() {
        return "AccessToken[" + tokenType + ", expires " + expiresOn + ", " + scope + "]";
    }
}
