package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.keyvault.VaultAccess;
import java.io.Serializable;

/** Who reads a Key Vault: this controller's managed identity, or another Exchange Online app credential. */
public abstract class VaultAccessSetting implements Describable<VaultAccessSetting>, Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Core's vault access for this setting.
     *
     * @throws ExoTokenException when the reading app's own secret cannot be had (naming it)
     * @throws InterruptedException when cancelled while that secret was read
     */
    @NonNull
    abstract VaultAccess toVaultAccess(@NonNull SecretResolution resolution)
            throws ExoTokenException, InterruptedException;

    /** Base of the vault access descriptors, so forms can list them. */
    public abstract static class AccessDescriptor extends Descriptor<VaultAccessSetting> {}
}
