package io.jenkins.plugins.exotoken.core.testing;

import java.time.Duration;

/**
 * One injected misbehaviour of a simulator, consumed by its next request: an error status (with an optional
 * {@code Retry-After}), or a normal answer after a delay.
 *
 * @param status the status to answer instead of the normal one, or 0 to answer normally
 * @param retryAfter the {@code Retry-After} value to send, or {@code null}
 * @param delay how long to wait before answering
 */
public record Fault(int status, String retryAfter, Duration delay) {

    public static Fault status(int status) {
        return new Fault(status, null, Duration.ZERO);
    }

    public static Fault status(int status, String retryAfter) {
        return new Fault(status, retryAfter, Duration.ZERO);
    }

    public static Fault throttled(String retryAfter) {
        return new Fault(429, retryAfter, Duration.ZERO);
    }

    /** Answers normally, after a delay. */
    public static Fault slow(Duration delay) {
        return new Fault(0, null, delay);
    }

    /** Waits out the delay; an interrupt ends the wait and is kept. */
    void pause() {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
