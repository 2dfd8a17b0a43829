package io.jenkins.plugins.exotoken.core.token;

import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request for a managed identity's token.
 *
 * @param identity system-assigned or user-assigned
 * @param scope the resource's {@code /.default} scope (the endpoint is sent the resource)
 * @param minimumValidity a cached token with less time left is replaced; {@code null} for the default (a value
 *     from a user is checked by {@link MinimumValidity#of})
 */
public record ManagedIdentityRequest(ManagedIdentity identity, TokenScope scope, MinimumValidity minimumValidity) {

    // Not compact: a null minimum validity is accepted here, yet the component is never null.
    public ManagedIdentityRequest(
            ManagedIdentity identity, TokenScope scope, @Nullable MinimumValidity minimumValidity) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.minimumValidity = minimumValidity == null ? MinimumValidity.DEFAULT : minimumValidity;
    }
}
