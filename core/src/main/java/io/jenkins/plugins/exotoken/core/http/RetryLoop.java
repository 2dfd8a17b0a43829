package io.jenkins.plugins.exotoken.core.http;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Runs one remote operation within its {@link RetryPolicy}: attempts again after {@link TransientFailure}s,
 * never sooner than a {@code Retry-After} asks, and never past the operation's deadline (its budget from the
 * start). Each attempt is handed the {@link Deadline}, so that it can bound its own exchange by what is left.
 * Interruption ends a wait at once.
 *
 * <p>The loop writes no message for people: when it gives up it hands the caller an {@link Exhausted}, and the
 * caller says what failed and what to check.
 */
public final class RetryLoop {

    private static final Logger LOGGER = Logger.getLogger(RetryLoop.class.getName());

    /** One attempt of the operation. */
    public interface Attempt<T> {
        T run(Deadline deadline) throws ExoTokenException, TransientFailure, InterruptedException;
    }

    /** The caller's words for giving up. */
    public interface GiveUp {
        ExoTokenException after(Exhausted exhausted);
    }

    /**
     * Why the loop stopped.
     *
     * @param attempts attempts made
     * @param last the last attempt's failure
     * @param askedWait the wait the service asked for when it was longer than the time left, else {@code null}
     */
    public record Exhausted(int attempts, TransientFailure last, @Nullable Duration askedWait) {

        /**
         * The facts, e.g. {@code after 2 attempts: Key Vault answered HTTP 429; it asked to wait 120 s, more than
         * the time left}: the caller puts what failed before and what to do after.
         */
        public String summary() {
            return "after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + last.getMessage()
                    + (askedWait == null ? "" : "; it asked to wait " + Seconds.of(askedWait)
                            + ", more than the time left");
        }

        /** {@link #summary()} ended as a sentence: a full stop, unless it already ends in a question. */
        public String sentence() {
            String summary = summary();
            return summary.endsWith("?") ? summary : summary + ".";
        }
    }

    private final RetryPolicy policy;
    private final Duration attemptTimeout;
    private final Pacer pacer;

    /**
     * @param attemptTimeout the most one attempt may take (the read timeout of {@link HttpSettings})
     */
    public RetryLoop(RetryPolicy policy, Duration attemptTimeout) {
        this(policy, attemptTimeout, Pacer.SYSTEM);
    }

    RetryLoop(RetryPolicy policy, Duration attemptTimeout, Pacer pacer) {
        this.policy = policy;
        this.attemptTimeout = attemptTimeout;
        this.pacer = pacer;
    }

    /** The most one {@link #run} takes: see {@link RetryPolicy#budget}. */
    public Duration budget() {
        return policy.budget(attemptTimeout);
    }

    /**
     * @throws ExoTokenException from an attempt, or the caller's {@code giveUp} when attempts or time are used up
     */
    public <T> T run(Attempt<T> attempt, GiveUp giveUp) throws ExoTokenException, InterruptedException {
        Deadline deadline = new Deadline(pacer, budget());
        Duration waited = Duration.ZERO;
        for (int count = 1; ; count++) {
            TransientFailure failure;
            try {
                return attempt.run(deadline);
            } catch (TransientFailure f) {
                failure = f;
            }
            LOGGER.log(Level.FINE, "attempt {0} failed: {1}", new Object[] {count, failure.getMessage()});
            if (count >= policy.maxAttempts()) {
                throw giveUp.after(new Exhausted(count, failure, null));
            }
            Duration left = min(policy.maxWaiting().minus(waited), deadline.remaining());
            Duration asked = failure.retryAfter();
            Duration wait;
            if (asked != null) {
                if (asked.compareTo(left) > 0) {
                    throw giveUp.after(new Exhausted(count, failure, asked));
                }
                wait = asked; // never sooner than the service asked
            } else {
                wait = min(jitter(policy.backoffAfter(count)), left);
            }
            if (deadline.remaining().compareTo(wait) <= 0) {
                throw giveUp.after(new Exhausted(count, failure, null));
            }
            pacer.sleep(wait);
            waited = waited.plus(wait);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration jitter(Duration base) {
        // Up to 20 % more, so that many clients do not retry in step.
        return base.plusMillis(ThreadLocalRandom.current().nextLong(base.toMillis() / 5 + 1));
    }
}
