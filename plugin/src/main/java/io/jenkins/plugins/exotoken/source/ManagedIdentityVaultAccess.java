package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.exotoken.FieldCheck;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import io.jenkins.plugins.exotoken.core.keyvault.VaultAccess;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The vault is read with the managed identity of the machine this controller runs on (an Azure VM, App Service or
 * container): system-assigned, or user-assigned by its client id. Nothing secret is stored.
 */
public final class ManagedIdentityVaultAccess extends VaultAccessSetting {

    private static final long serialVersionUID = 1L;

    @CheckForNull
    private String clientId;

    @DataBoundConstructor
    public ManagedIdentityVaultAccess() {}

    @CheckForNull
    public String getClientId() {
        return clientId;
    }

    /** A user-assigned identity's client id; empty for the system-assigned identity. */
    @DataBoundSetter
    public void setClientId(@CheckForNull String clientId) {
        this.clientId = Util.fixEmptyAndTrim(clientId);
    }

    @NonNull
    @Override
    VaultAccess toVaultAccess(@NonNull SecretResolution resolution) throws InvalidInputException {
        return new VaultAccess.ByManagedIdentity(identity(clientId));
    }

    private static ManagedIdentity identity(@CheckForNull String clientId) throws InvalidInputException {
        return clientId == null ? ManagedIdentity.systemAssigned() : ManagedIdentity.userAssigned(clientId);
    }

    @Extension
    @Symbol("managedIdentity")
    public static final class DescriptorImpl extends AccessDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ManagedIdentityVaultAccess_displayName();
        }

        @POST
        public FormValidation doCheckClientId(@QueryParameter String value) {
            return FieldCheck.of(() -> identity(Util.fixEmptyAndTrim(value)));
        }
    }
}
