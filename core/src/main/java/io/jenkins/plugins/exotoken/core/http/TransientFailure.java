package io.jenkins.plugins.exotoken.core.http;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A failure worth another attempt: throttling (429), a server error (5xx), no answer in time. Never shown to
 * a user as such: {@link RetryLoop} hands the last one to its caller, which words the message.
 */
public final class TransientFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Duration retryAfter;

    /**
     * @param message what happened, for the final message, e.g. {@code Entra ID answered HTTP 503}
     * @param retryAfter the wait the service asked for, or {@code null}
     */
    public TransientFailure(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
