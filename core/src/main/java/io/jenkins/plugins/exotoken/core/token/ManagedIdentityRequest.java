package io.jenkins.plugins.exotoken.core.token;

import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import java.util.Objects;

/**
 * A request for a managed identity's token.
 *
 * @param identity system-assigned or user-assigned
 * @param scope the resource's {@code /.default} scope (the endpoint is sent the resource)
 * @param minimumValidity a cached token with less time left is replaced; {@code null} for the default (a value
 *     from a user is checked by {@link MinimumValidity#of})
 */
public record ManagedIdentityRequest(ManagedIdentity identity, TokenScope scope, MinimumValidity minimumValidity) {

    public ManagedIdentityRequest {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(scope, "scope");
        minimumValidity = minimumValidity == null ? MinimumValidity.DEFAULT : minimumValidity;
    }
}
