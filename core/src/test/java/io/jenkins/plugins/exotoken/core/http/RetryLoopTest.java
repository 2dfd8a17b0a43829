package io.jenkins.plugins.exotoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The retry loop on a simulated clock: what it waits, when it gives up, and that the words are the caller's. */
class RetryLoopTest {

    /** Elapsed time that moves only when the loop waits (or an attempt says it took time). */
    private static final class SimulatedTime implements Pacer {
        long nanos;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleep(Duration wait) {
            sleeps.add(wait);
            nanos += wait.toNanos();
        }
    }

    private final SimulatedTime time = new SimulatedTime();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(30));
    private final RetryLoop loop = new RetryLoop(policy, Duration.ofSeconds(5), time);

    private static RetryLoop.GiveUp callerWords(AtomicReference<RetryLoop.Exhausted> seen) {
        return exhausted -> {
            seen.set(exhausted);
            return new ServiceUnavailableException("Reading x " + exhausted.sentence(), null);
        };
    }

    @Test
    void theBudgetIsAttemptsTimesTheTimeoutPlusTheWaitingAllowance() {
        assertThat(loop.budget()).isEqualTo(Duration.ofSeconds(4 * 5 + 30));
        assertThat(RetryPolicy.defaults().budget(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void aRetryAfterLongerThanTheBackoffCapIsWaitedInFull() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String result = loop.run(deadline -> {
            if (attempts.incrementAndGet() == 1) {
                throw new TransientFailure("Key Vault answered HTTP 429", Duration.ofSeconds(10), null);
            }
            return "ok";
        }, callerWords(new AtomicReference<>()));

        assertThat(result).isEqualTo("ok");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(10)); // not cut to the 2 s backoff cap
    }

    @Test
    void aRetryAfterLongerThanTheTimeLeftFailsAtOnceSayingHowLongWasAsked() {
        AtomicReference<RetryLoop.Exhausted> seen = new AtomicReference<>();

        assertThatThrownBy(() -> loop.run(deadline -> {
            throw new TransientFailure("Key Vault answered HTTP 429", Duration.ofSeconds(120), null);
        }, callerWords(seen)))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("Reading x after 1 attempt: Key Vault answered HTTP 429; it asked to wait 120 s, more than"
                        + " the time left.");
        assertThat(time.sleeps).isEmpty();
        assertThat(seen.get().askedWait()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void whatIsLeftOfTheWaitingAllowanceBoundsTheRetryAfterAccepted() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<RetryLoop.Exhausted> seen = new AtomicReference<>();

        assertThatThrownBy(() -> loop.run(deadline -> {
            attempts.incrementAndGet();
            throw new TransientFailure("HTTP 429", Duration.ofSeconds(20), null);
        }, callerWords(seen))).isInstanceOf(ServiceUnavailableException.class);

        // 20 s fits the 30 s allowance once; the second 20 s would not
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(20));
        assertThat(attempts).hasValue(2);
        assertThat(seen.get().askedWait()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theLoopWritesNoSentenceOfItsOwn() {
        assertThatThrownBy(() -> loop.run(deadline -> {
            throw new TransientFailure("no answer from vault.example", null, null);
        }, exhausted -> new ServiceUnavailableException("caller: " + exhausted.summary(), null)))
                .hasMessage("caller: after 4 attempts: no answer from vault.example");
    }

    @Test
    void eachAttemptIsHandedTheDeadlineOfTheWholeOperation() throws Exception {
        List<Duration> remaining = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();

        loop.run(deadline -> {
            remaining.add(deadline.remaining());
            time.nanos += Duration.ofSeconds(5).toNanos(); // the attempt used its whole timeout
            if (attempts.incrementAndGet() < 3) {
                throw new TransientFailure("HTTP 503", null, null);
            }
            return "ok";
        }, callerWords(new AtomicReference<>()));

        assertThat(remaining.get(0)).isEqualTo(Duration.ofSeconds(50));
        Duration firstWait = time.sleeps.get(0);
        assertThat(firstWait).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1200)); // 1 s with up to 20 % jitter
        assertThat(remaining.get(1)).isEqualTo(Duration.ofSeconds(45).minus(firstWait));
    }
}
