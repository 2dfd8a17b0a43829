package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference;
import io.jenkins.plugins.exotoken.core.keyvault.VaultAccess;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** A certificate or secret in Azure Key Vault, and how to read the vault. */
final class KeyVaultOptions {

    @Option(names = "--key-vault-url", required = true, paramLabel = "URL",
            description = "The vault, e.g. https://contoso.vault.azure.net.")
    String vaultUrl;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ObjectName object;

    @Option(names = "--key-vault-version", paramLabel = "ID", description = "A version id (default: the latest).")
    String version;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nHow to read the vault (one of):%n")
    Access access;

    static final class ObjectName {
        @Option(names = "--key-vault-certificate", paramLabel = "NAME",
                description = "A Key Vault certificate (read with its private key through its secret).")
        String certificate;

        @Option(names = "--key-vault-secret", paramLabel = "NAME",
                description = "A Key Vault secret holding the app's client secret.")
        String secret;
    }

    static final class Access {
        @Option(names = "--vault-managed-identity",
                description = "This machine's system-assigned managed identity.")
        boolean systemAssigned;

        @Option(names = "--vault-managed-identity-client-id", paramLabel = "GUID",
                description = "This machine's user-assigned managed identity, by client id.")
        String userAssigned;

        @ArgGroup(exclusive = false)
        VaultApp app;
    }

    static final class VaultApp {
        @Option(names = "--vault-tenant", required = true, paramLabel = "ID",
                description = "Tenant of the app that reads the vault.")
        String tenant;

        @Option(names = "--vault-client-id", required = true, paramLabel = "GUID",
                description = "Client id of the app that reads the vault.")
        String clientId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        VaultAppSecret secret;
    }

    static final class VaultAppSecret {
        @Option(names = "--vault-client-secret-env", paramLabel = "VAR", converter = VariableName.class,
                description = "Environment variable holding the vault-reading app's client secret.")
        String clientSecretEnv;

        @ArgGroup(exclusive = false)
        VaultAppCertificate certificate;
    }

    static final class VaultAppCertificate {
        @Option(names = "--vault-certificate", required = true, paramLabel = "FILE",
                description = "PFX or PEM of the vault-reading app.")
        java.nio.file.Path file;

        @Option(names = "--vault-password-env", paramLabel = "VAR", converter = VariableName.class,
                description = "Environment variable holding that file's password.")
        String passwordEnv;
    }

    /** The environment variables the vault-reading app's secret or password is read from. */
    Set<String> secretVariables() {
        Set<String> names = new HashSet<>();
        VaultApp app = access == null ? null : access.app;
        if (app != null && app.secret != null) {
            if (app.secret.clientSecretEnv != null) {
                names.add(app.secret.clientSecretEnv);
            }
            if (app.secret.certificate != null && app.secret.certificate.passwordEnv != null) {
                names.add(app.secret.certificate.passwordEnv);
            }
        }
        return names;
    }

    KeyVaultReference reference(Cloud cloud, boolean certificateOnly) throws InvalidInputException {
        if (certificateOnly && object.secret != null) {
            throw new InvalidInputException("inspect shows certificates: use --key-vault-certificate.");
        }
        KeyVaultReference.Kind kind = object.certificate != null
                ? KeyVaultReference.Kind.CERTIFICATE : KeyVaultReference.Kind.SECRET;
        return KeyVaultReference.of(cloud, vaultUrl, object.certificate != null ? object.certificate : object.secret,
                version, kind);
    }

    VaultAccess access(Cloud cloud, Map<String, String> environment) throws InvalidInputException {
        if (access.systemAssigned) {
            return new VaultAccess.ByManagedIdentity(ManagedIdentity.systemAssigned());
        }
        if (access.userAssigned != null) {
            return new VaultAccess.ByManagedIdentity(ManagedIdentity.userAssigned(access.userAssigned));
        }
        VaultApp app = access.app;
        AppIdentity identity = AppIdentity.of(app.tenant, app.clientId, null, cloud);
        if (app.secret.clientSecretEnv != null) {
            return new VaultAccess.ByApp(identity, io.jenkins.plugins.exotoken.core.secret.ClientSecret.of(
                    "environment variable " + app.secret.clientSecretEnv,
                    SecretInput.required(environment, app.secret.clientSecretEnv, "vault-reading app's client secret")));
        }
        CertificateOptions certificate = new CertificateOptions();
        certificate.certificate = app.secret.certificate.file;
        certificate.passwordEnv = app.secret.certificate.passwordEnv;
        return new VaultAccess.ByApp(identity, certificate.credential(environment));
    }
}
