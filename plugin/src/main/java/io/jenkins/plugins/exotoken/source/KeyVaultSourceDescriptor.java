package io.jenkins.plugins.exotoken.source;

import hudson.util.FormValidation;
import io.jenkins.plugins.exotoken.FieldCheck;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Checks the vault fields as they are typed. */
public abstract class KeyVaultSourceDescriptor extends AppSecretSource.SourceDescriptor {

    /**
     * The vault URL must be a vault of the credential's cloud: a token for the vault is sent there. Without the
     * cloud (a custom one is only known on save) the URL is checked against the global cloud's form.
     */
    @POST
    public FormValidation doCheckVaultUrl(@QueryParameter String value, @QueryParameter String cloud) {
        if (value == null || value.isBlank()) {
            return FormValidation.error(io.jenkins.plugins.exotoken.Messages.KeyVaultSource_vaultUrlMissing());
        }
        try {
            Cloud named = cloud == null || cloud.isBlank() ? Cloud.GLOBAL : Cloud.byName(cloud);
            KeyVaultReference.of(named, value, "name", null, KeyVaultReference.Kind.SECRET);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return "custom".equals(cloud) ? FormValidation.ok() : FormValidation.error(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckName(@QueryParameter String value) {
        return check(Cloud.GLOBAL, "https://name.vault.azure.net", value, null);
    }

    @POST
    public FormValidation doCheckVersion(@QueryParameter String value) {
        return check(Cloud.GLOBAL, "https://name.vault.azure.net", "name", value);
    }

    private static FormValidation check(Cloud cloud, String url, String name, String version) {
        return FieldCheck.of(() -> KeyVaultReference.of(cloud, url, name, version, KeyVaultReference.Kind.SECRET));
    }
}
