package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.ExchangeOnlineAppCredentials;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.keyvault.VaultAccess;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The vault is read with another Exchange Online app credential (its certificate or client secret), looked up
 * where this credential is used. A chain that leads back to the credential being resolved is refused.
 */
public final class AppCredentialVaultAccess extends VaultAccessSetting {

    private static final long serialVersionUID = 1L;

    private final String credentialsId;

    @DataBoundConstructor
    public AppCredentialVaultAccess(@NonNull String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    @NonNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @NonNull
    @Override
    VaultAccess toVaultAccess(@NonNull SecretResolution resolution) throws ExoTokenException, InterruptedException {
        ExchangeOnlineAppCredentials reader =
                resolution.require(credentialsId, ExchangeOnlineAppCredentials.class, "Key Vault reader");
        return new VaultAccess.ByApp(reader.identity(), reader.resolveSecret(resolution));
    }

    @Extension
    @Symbol("appCredential")
    public static final class DescriptorImpl extends AccessDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AppCredentialVaultAccess_displayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter String credentialsId) {
            return CredentialChoices.of(item, credentialsId, CredentialChoices.APPS);
        }
    }
}
