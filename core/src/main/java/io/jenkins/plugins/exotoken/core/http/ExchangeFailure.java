package io.jenkins.plugins.exotoken.core.http;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * No complete answer came from one exchange. The message states the fact ({@code cannot resolve host x});
 * callers add what it means for their service and what to check.
 */
public final class ExchangeFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for the caller's decision to retry and its wording. */
    public enum Kind {
        /** The host name does not resolve: a typo, DNS or a proxy; waiting does not help. */
        UNKNOWN_HOST,
        /** TLS failed: trust or a TLS-inspecting proxy; waiting does not help. */
        TLS,
        /** The whole answer did not arrive within the time allowed. */
        TIMEOUT,
        /** The answer was larger than the cap; its reading was stopped. */
        TOO_LARGE,
        /** Connection refused or reset, a proxy that would not tunnel, and the like. */
        NO_ANSWER
    }

    private final Kind kind;
    private final int status;

    ExchangeFailure(Kind kind, int status, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The answer's HTTP status when one came ({@link Kind#TOO_LARGE}), else 0. */
    public int status() {
        return status;
    }
}
