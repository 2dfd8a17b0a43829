package io.jenkins.plugins.exotoken.core.keyvault;

import io.jenkins.plugins.exotoken.core.SecretValue;
import java.time.Instant;

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
public record VaultSecret(String id, SecretValue value, String contentType, boolean enabled, Instant notBefore,
        Instant expires) {

    /** The version id: the last segment of {@link #id()}. */
    public String version() {
        return id == null ? "" : id.substring(id.lastIndexOf('/') + 1);
    }
}
