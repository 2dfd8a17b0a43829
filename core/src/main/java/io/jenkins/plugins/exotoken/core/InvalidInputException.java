package io.jenkins.plugins.exotoken.core;

import org.jspecify.annotations.Nullable;

/** The input cannot be used as given: a malformed value, an unreadable certificate, a wrong password. */
public final class InvalidInputException extends ExoTokenException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message, null);
    }

    public InvalidInputException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
