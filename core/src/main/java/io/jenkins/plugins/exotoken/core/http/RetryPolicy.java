package io.jenkins.plugins.exotoken.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for retrying throttled (429) and failing (5xx, connection) token requests: a number of attempts,
 * exponential backoff unless the service says {@code Retry-After}, and a total time after which no
 * further attempt starts.
 *
 * @param maxAttempts attempts in all, the first included (at least 1)
 * @param initialBackoff wait before the second attempt; doubles after each further failure
 * @param maxBackoff longest single wait, also the cap on a {@code Retry-After} the service asks for
 * @param maxTotal no attempt starts later than this after the first
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotal, "maxTotal");
    }

    /** 4 attempts, 1 s doubling to at most 20 s, within 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60));
    }

    /** Backoff before attempt {@code attempt + 1}, without jitter. */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
