package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A Key Vault certificate (its private key is read through the certificate's backing secret). */
public final class KeyVaultCertificateSource extends KeyVaultSource {

    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public KeyVaultCertificateSource(@NonNull String vaultUrl, @NonNull String name,
            @NonNull VaultAccessSetting access) {
        super(vaultUrl, name, access);
    }

    @Override
    public boolean isCertificate() {
        return true;
    }

    @Override
    KeyVaultReference.Kind kind() {
        return KeyVaultReference.Kind.CERTIFICATE;
    }

    @Extension
    @Symbol("keyVaultCertificate")
    public static final class DescriptorImpl extends KeyVaultSourceDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.KeyVaultCertificateSource_displayName();
        }
    }
}
