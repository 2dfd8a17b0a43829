package io.jenkins.plugins.exotoken.core.http;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a remote call again after {@link TransientFailure}s, within a {@link RetryPolicy}: a bounded number of
 * attempts, exponential backoff with jitter unless the service asked for a {@code Retry-After} (capped), and
 * no attempt after the total time. Interruption ends the wait at once.
 */
public final class RetryLoop {

    private static final Logger LOGGER = Logger.getLogger(RetryLoop.class.getName());

    /** One attempt of the call. */
    public interface Attempt<T> {
        T run() throws ExoTokenException, TransientFailure, InterruptedException;
    }

    private final RetryPolicy policy;
    private final Clock clock;

    public RetryLoop(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param what the call, for messages: e.g. {@code "No token for app … in tenant …"}
     * @param endpoint where it goes, for the hint about network access
     * @throws ServiceUnavailableException when the attempts or the time are used up
     */
    public <T> T run(String what, String endpoint, Attempt<T> attempt) throws ExoTokenException, InterruptedException {
        Instant deadline = clock.instant().plus(policy.maxTotal());
        for (int count = 1; ; count++) {
            try {
                return attempt.run();
            } catch (TransientFailure failure) {
                Duration wait = failure.retryAfter() != null
                        ? min(failure.retryAfter(), policy.maxBackoff())
                        : jitter(policy.backoffAfter(count));
                LOGGER.log(Level.FINE, "{0}, attempt {1}: {2}", new Object[] {what, count, failure.getMessage()});
                if (count >= policy.maxAttempts() || clock.instant().plus(wait).isAfter(deadline)) {
                    throw new ServiceUnavailableException(what + " after " + count
                            + (count == 1 ? " attempt" : " attempts") + ": " + failure.getMessage()
                            + ". Try again later; if it persists check network access to " + endpoint
                            + " (proxy, firewall).", failure.getCause());
                }
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** The longest a caller may wait for {@link #run} to end, given the per-request timeouts. */
    public Duration bound(HttpSettings settings) {
        return policy.maxTotal().plus(settings.connectTimeout()).plus(settings.readTimeout()).plus(policy.maxBackoff());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration jitter(Duration base) {
        // Up to 20 % more, so that many clients do not retry in step.
        return base.plusMillis(ThreadLocalRandom.current().nextLong(base.toMillis() / 5 + 1));
    }
}
