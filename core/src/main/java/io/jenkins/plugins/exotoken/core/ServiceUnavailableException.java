package io.jenkins.plugins.exotoken.core;

import org.jspecify.annotations.Nullable;

/** A remote service could not be reached or kept failing within the retry budget; trying later may work. */
public final class ServiceUnavailableException extends ExoTokenException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
