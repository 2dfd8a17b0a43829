package io.jenkins.plugins.exotoken.core.keyvault;

import io.jenkins.plugins.exotoken.core.SecretValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A secret as Key Vault returned it.
 *
 * @param id its identifier, {@code https://VAULT/secrets/NAME/VERSION}
 * @param value the value, never printed
 * @param contentType e.g. {@code application/x-pkcs12}, or {@code null}
 * @param enabled the {@code enabled} attribute
 * @param notBefore {@code nbf}, or {@code null}
 * @param expires {@code exp}, or {@code null}
 */
public record VaultSecret(String id, SecretValue value, @Nullable String contentType, boolean enabled,
        @Nullable Instant notBefore, @Nullable Instant expires) {

    /** The version id: the last segment of {@link #id()}. */
    public String version() {
        return id == null ? "" : id.substring(id.lastIndexOf('/') + 1);
    }
}
