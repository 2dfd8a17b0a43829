package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A certificate or a client secret kept in Azure Key Vault: the vault, the object's name, an optional version,
 * and who reads the vault. What is read is cached by core for its cache period, not read per build.
 */
public abstract class KeyVaultSource extends AppSecretSource {

    private static final long serialVersionUID = 1L;

    private final String vaultUrl;
    private final String name;
    private final VaultAccessSetting access;

    @CheckForNull
    private String version;

    protected KeyVaultSource(@NonNull String vaultUrl, @NonNull String name, @NonNull VaultAccessSetting access) {
        this.vaultUrl = Util.fixNull(vaultUrl).trim();
        this.name = Util.fixNull(name).trim();
        this.access = access;
    }

    @NonNull
    public String getVaultUrl() {
        return vaultUrl;
    }

    @NonNull
    public String getName() {
        return name;
    }

    @NonNull
    public VaultAccessSetting getAccess() {
        return access;
    }

    @CheckForNull
    public String getVersion() {
        return version;
    }

    /** A version id pins the object; empty means its latest enabled version. */
    @DataBoundSetter
    public void setVersion(@CheckForNull String version) {
        this.version = Util.fixEmptyAndTrim(version);
    }

    /** What kind of object the vault holds. */
    @NonNull
    abstract KeyVaultReference.Kind kind();

    @NonNull
    @Override
    public final AppSecret resolve(@NonNull SecretResolution resolution)
            throws ExoTokenException, InterruptedException {
        KeyVaultReference reference = KeyVaultReference.of(resolution.cloud(), vaultUrl, name, version, kind());
        return resolution.engine().vault().resolve(reference, access.toVaultAccess(resolution));
    }
}
