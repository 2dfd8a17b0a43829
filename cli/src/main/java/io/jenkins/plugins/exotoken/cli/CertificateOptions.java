package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.cert.InspectedCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Option;

/** A certificate file, an optional separate key file, and where its password comes from. */
final class CertificateOptions {

    @Option(names = "--certificate", required = true, paramLabel = "FILE",
            description = "PFX/PKCS#12 or PEM file with the certificate (and its private key); the format is"
                    + " detected from the content.")
    Path certificate;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM private key, when it is not in the certificate file.")
    Path key;

    @Option(names = "--password-env", paramLabel = "VAR", converter = VariableName.class,
            description = "Environment variable holding the PFX or key password (a final line ending is ignored).")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File holding the PFX or key password: one line; a final line ending and a UTF-8 byte"
                    + " order mark are ignored.")
    Path passwordFile;

    /** Names the input in messages. */
    String source() {
        return "certificate file " + certificate + (key == null ? "" : " with key file " + key);
    }

    /** The certificate, validated for signing in. */
    AppCertificate credential(Map<String, String> environment) throws InvalidInputException {
        return AppCertificate.of(source(), inspect(environment));
    }

    /** What the files hold and what validating it found, errors included. */
    InspectedCertificate inspect(Map<String, String> environment) throws InvalidInputException {
        SecretValue password = SecretInput.password(environment, passwordEnv, passwordFile, "certificate password");
        byte[] keyBytes = key == null ? null : SecretInput.readFile(key, "key file");
        byte[] certificateBytes = SecretInput.readFile(certificate, "certificate file");
        try {
            return InspectedCertificate.read(source(), certificateBytes, keyBytes, password, Clock.systemUTC());
        } finally {
            // The key (and a PFX's) bytes are needed only while reading.
            Arrays.fill(certificateBytes, (byte) 0);
            if (keyBytes != null) {
                Arrays.fill(keyBytes, (byte) 0);
            }
        }
    }
}
