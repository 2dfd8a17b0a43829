package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A Key Vault secret holding the app's client secret. */
public final class KeyVaultSecretSource extends KeyVaultSource {

    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public KeyVaultSecretSource(@NonNull String vaultUrl, @NonNull String name, @NonNull VaultAccessSetting access) {
        super(vaultUrl, name, access);
    }

    @Override
    public boolean isCertificate() {
        return false;
    }

    @Override
    KeyVaultReference.Kind kind() {
        return KeyVaultReference.Kind.SECRET;
    }

    @Extension
    @Symbol("keyVaultSecret")
    public static final class DescriptorImpl extends KeyVaultSourceDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.KeyVaultSecretSource_displayName();
        }
    }
}
