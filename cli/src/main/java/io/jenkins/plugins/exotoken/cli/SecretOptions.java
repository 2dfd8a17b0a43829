package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The app's secret: a certificate, a client secret from the environment or a file, or a Key Vault reference. */
final class SecretOptions {

    @ArgGroup(exclusive = false)
    CertificateOptions certificate;

    @Option(names = "--client-secret-env", paramLabel = "VAR", converter = VariableName.class,
            description = "Environment variable holding the app's client secret.")
    String clientSecretEnv;

    @Option(names = "--client-secret-file", paramLabel = "FILE", description = "File holding the app's client secret.")
    Path clientSecretFile;

    @ArgGroup(exclusive = false, heading = "%nOr the app's certificate or secret in Azure Key Vault:%n")
    KeyVaultOptions keyVault;

    /** The environment variables the secrets are read from: a command that exo-token runs does not need them. */
    Set<String> secretVariables() {
        Set<String> names = new HashSet<>();
        if (clientSecretEnv != null) {
            names.add(clientSecretEnv);
        }
        if (certificate != null && certificate.passwordEnv != null) {
            names.add(certificate.passwordEnv);
        }
        if (keyVault != null) {
            names.addAll(keyVault.secretVariables());
        }
        return names;
    }

    /** The secret; {@code engine}'s Key Vault service is used (and so built) only for a Key Vault reference. */
    AppSecret secret(Map<String, String> environment, Cloud cloud, Engine engine)
            throws ExoTokenException, InterruptedException {
        if (certificate != null) {
            return certificate.credential(environment);
        }
        if (keyVault != null) {
            return engine.vault().resolve(keyVault.reference(cloud, false), keyVault.access(cloud, environment));
        }
        String source = clientSecretEnv != null ? "environment variable " + clientSecretEnv : "file " + clientSecretFile;
        return ClientSecret.of(source,
                SecretInput.optional(environment, clientSecretEnv, clientSecretFile, "client secret"));
    }
}
