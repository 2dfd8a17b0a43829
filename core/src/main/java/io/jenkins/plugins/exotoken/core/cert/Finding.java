package io.jenkins.plugins.exotoken.core.cert;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One result of validating a certificate.
 *
 * @param severity an error makes the certificate unusable; a warning does not, yet
 * @param code stable identifier for scripts and tests, e.g. {@code NO_PRIVATE_KEY}
 * @param message what is wrong and what to do, for a person
 * @param cause the failure behind it, for logs and {@code --debug}; null for most findings
 */
public record Finding(Severity severity, String code, String message, @Nullable Throwable cause) {

    /** Errors stop token acquisition; warnings are reported and acquisition goes on. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Finding error(String code, String message) {
        return new Finding(Severity.ERROR, code, message, null);
    }

    static Finding error(String code, String message, Throwable cause) {
        return new Finding(Severity.ERROR, code, message, cause);
    }

    static Finding warning(String code, String message) {
        return new Finding(Severity.WARNING, code, message, null);
    }
}
