package io.jenkins.plugins.exotoken.core.token;

import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request for an app-only token.
 *
 * @param label what the user calls this app in messages, e.g. {@code credential 'exo-app'}; {@code null} for none
 * @param identity the app and its tenant
 * @param secret its certificate or client secret
 * @param scope the resource's {@code /.default} scope
 * @param minimumValidity a cached token with less time left is replaced by a new one; {@code null} for the
 *     default. A value from a user is checked by {@link MinimumValidity#of}, which refuses what cannot be honoured.
 */
public record TokenRequest(
        @Nullable String label, AppIdentity identity, AppSecret secret, TokenScope scope,
        MinimumValidity minimumValidity) {

    // Not compact: a null minimum validity is accepted here, yet the component is never null.
    public TokenRequest(@Nullable String label, AppIdentity identity, AppSecret secret, TokenScope scope,
            @Nullable MinimumValidity minimumValidity) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.label = label == null || label.isBlank() ? null : label;
        this.minimumValidity = minimumValidity == null ? MinimumValidity.DEFAULT : minimumValidity;
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
