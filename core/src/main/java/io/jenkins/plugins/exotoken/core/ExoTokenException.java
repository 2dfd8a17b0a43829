package io.jenkins.plugins.exotoken.core;

import org.jspecify.annotations.Nullable;

/**
 * A failure a person can act on. The message is complete on its own (what failed, why, what to check)
 * and never contains a secret, an assertion or a token, so callers may show it as is.
 */
public abstract sealed class ExoTokenException extends Exception
        permits InvalidInputException, AuthenticationFailedException, ServiceUnavailableException,
                VaultRefusedException {

    private static final long serialVersionUID = 1L;

    protected ExoTokenException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
