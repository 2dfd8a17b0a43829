package io.jenkins.plugins.exotoken.core.keyvault;

import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import java.util.Objects;

/** Who reads the vault: the machine's managed identity, or another app registration. */
public sealed interface VaultAccess permits VaultAccess.ByManagedIdentity, VaultAccess.ByApp {

    /** For messages, e.g. {@code the managed identity 1234…} or {@code app 5678… in tenant …}. */
    String describe();

    /** Identifies the reader and its secret version, for caches; never the secret itself. */
    String cacheKey();

    /**
     * The vault is read with a managed identity's token.
     *
     * @param identity system- or user-assigned
     */
    record ByManagedIdentity(ManagedIdentity identity) implements VaultAccess {
        public ByManagedIdentity {
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public String describe() {
            return identity.describe();
        }

        @Override
        public String cacheKey() {
            return "managed-identity:" + (identity.isSystemAssigned() ? "system" : identity.clientId());
        }
    }

    /**
     * The vault is read with another app registration's token (client secret or certificate, any tenant).
     *
     * @param identity the vault-reading app
     * @param secret its secret
     */
    record ByApp(AppIdentity identity, AppSecret secret) implements VaultAccess {
        public ByApp {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String describe() {
            return "app " + identity.clientId() + " in tenant " + identity.tenant();
        }

        @Override
        public String cacheKey() {
            return "app:" + identity + ":" + secret.version();
        }
    }
}
