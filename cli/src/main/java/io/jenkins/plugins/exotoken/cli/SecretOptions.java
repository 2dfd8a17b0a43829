package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.cert.CertificateInspector;
import io.jenkins.plugins.exotoken.core.cert.LoadedCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.CertificateCredential;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The app's secret: a certificate, or a client secret from the environment or a file. */
final class SecretOptions {

    @ArgGroup(exclusive = false)
    CertificateOptions certificate;

    @Option(names = "--client-secret-env", paramLabel = "VAR",
            description = "Environment variable holding the app's client secret.")
    String clientSecretEnv;

    @Option(names = "--client-secret-file", paramLabel = "FILE", description = "File holding the app's client secret.")
    Path clientSecretFile;

    AppSecret secret(Map<String, String> environment) throws InvalidInputException {
        if (certificate != null) {
            LoadedCertificate loaded = certificate.load(environment);
            String source = certificate.source();
            return CertificateCredential.of(source, loaded, new CertificateInspector(Clock.systemUTC()).inspect(loaded));
        }
        String source = clientSecretEnv != null ? "environment variable " + clientSecretEnv : "file " + clientSecretFile;
        return ClientSecret.of(source,
                SecretInput.optional(environment, clientSecretEnv, clientSecretFile, "client secret"));
    }
}
