package io.jenkins.plugins.exotoken.core.http;

import java.time.Duration;

/** The end of one remote operation's budget, on the monotonic clock. */
public final class Deadline {

    private final Pacer pacer;
    private final long endNanos;

    Deadline(Pacer pacer, Duration budget) {
        this.pacer = pacer;
        this.endNanos = pacer.nanoTime() + budget.toNanos();
    }

    /** Time left, never negative. */
    public Duration remaining() {
        long left = endNanos - pacer.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** {@code timeout}, or less when less is left. */
    public Duration cap(Duration timeout) {
        Duration left = remaining();
        return left.compareTo(timeout) < 0 ? left : timeout;
    }
}
