package io.jenkins.plugins.exotoken.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for retrying throttled (429) and failing (5xx, no answer in time, connection failure) remote calls.
 *
 * <p>The <b>budget</b> of one remote operation is {@code maxAttempts × timeout + maxWaiting}, where the timeout
 * (the {@link HttpSettings#readTimeout() read timeout}) bounds each attempt from connecting to the last byte of
 * the answer and {@code maxWaiting} bounds all waits between attempts together. With the defaults (4 attempts,
 * 30 s of waiting) and the default 30 s timeout an operation ends within 150 s; with a 5 s timeout within 50 s.
 *
 * <p>A wait is the service's {@code Retry-After} when it sends one — never shorter — or else exponential backoff
 * with jitter, at most {@code maxBackoff} each. When the service asks for a wait longer than what is left of the
 * waiting allowance or of the budget, the operation fails at once.
 *
 * @param maxAttempts attempts in all, the first included (at least 1)
 * @param initialBackoff wait before the second attempt when the service asks for none; doubles after each failure
 * @param maxBackoff longest computed wait (a {@code Retry-After} is not shortened to it)
 * @param maxWaiting all waits of one operation together
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxWaiting) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxWaiting, "maxWaiting");
    }

    /** 4 attempts, 1 s doubling to at most 20 s, at most 30 s of waiting in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    /** The most one operation may take when each attempt may take {@code attemptTimeout}. */
    public Duration budget(Duration attemptTimeout) {
        return attemptTimeout.multipliedBy(maxAttempts).plus(maxWaiting);
    }

    /** Backoff before attempt {@code attempt + 1}, without jitter. */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
