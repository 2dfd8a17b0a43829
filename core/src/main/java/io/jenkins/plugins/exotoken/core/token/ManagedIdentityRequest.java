package io.jenkins.plugins.exotoken.core.token;

import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import java.time.Duration;
import java.util.Objects;

/**
 * A request for a managed identity's token.
 *
 * @param identity system-assigned or user-assigned
 * @param scope the resource's {@code /.default} scope (the endpoint is sent the resource)
 * @param minimumValidity a cached token with less time left is replaced
 */
public record ManagedIdentityRequest(ManagedIdentity identity, TokenScope scope, Duration minimumValidity) {

    public ManagedIdentityRequest {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(scope, "scope");
        minimumValidity = minimumValidity == null ? TokenRequest.DEFAULT_MINIMUM_VALIDITY : minimumValidity;
    }
}
