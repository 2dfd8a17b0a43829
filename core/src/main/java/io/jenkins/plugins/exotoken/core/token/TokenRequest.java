package io.jenkins.plugins.exotoken.core.token;

import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import java.time.Duration;
import java.util.Objects;

/**
 * One request for an app-only token.
 *
 * @param label what the user calls this app in messages, e.g. {@code credential 'exo-app'}; {@code null} for none
 * @param identity the app and its tenant
 * @param secret its certificate or client secret
 * @param scope the resource's {@code /.default} scope
 * @param minimumValidity a cached token with less time left is replaced by a new one
 */
public record TokenRequest(
        String label, AppIdentity identity, AppSecret secret, TokenScope scope, Duration minimumValidity) {

    /** A cached token is handed out only while at least this much time is left, unless a caller asks for more. */
    public static final Duration DEFAULT_MINIMUM_VALIDITY = Duration.ofMinutes(5);

    public TokenRequest {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(scope, "scope");
        label = label == null || label.isBlank() ? null : label;
        minimumValidity = minimumValidity == null ? DEFAULT_MINIMUM_VALIDITY : minimumValidity;
        if (minimumValidity.isNegative()) {
            throw new IllegalArgumentException("minimumValidity must not be negative");
        }
    }

    /** For messages: {@code credential 'exo-app' (app …, tenant …)}, or just the app and tenant. */
    public String describe() {
        String app = "app " + identity.clientId() + " in tenant " + identity.tenant();
        return label == null ? app : label + " (" + app + ")";
    }

    public TokenRequest(AppIdentity identity, AppSecret secret, TokenScope scope) {
        this(null, identity, secret, scope, null);
    }
}
