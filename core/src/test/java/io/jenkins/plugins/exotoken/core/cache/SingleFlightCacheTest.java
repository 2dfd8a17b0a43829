package io.jenkins.plugins.exotoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.VaultRefusedException;
import io.jenkins.plugins.exotoken.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(30); // a safety net only: every test waits on latches
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Duration REMEMBER = Duration.ofMinutes(1);

    /** A value that is usable until an instant, like a token or a vault object with an expiry. */
    private record Value(String text, Instant until) {}

    /** The caller's words, recognisable in assertions, and what it was told about stale values. */
    private static final class Words implements SingleFlightCache.Reporting<Value> {
        final List<String> stale = new CopyOnWriteArrayList<>();

        @Override
        public ExoTokenException noAnswerWithin(Duration bound) {
            return new ServiceUnavailableException("caller's words: waited " + bound.toMillis() + " ms", null);
        }

        @Override
        public ExoTokenException failed(Throwable cause) {
            return new ServiceUnavailableException("caller's words: " + cause.getClass().getSimpleName(), cause);
        }

        @Override
        public void usingStale(Value value, ServiceUnavailableException outage) {
            stale.add(value.text + " after " + outage.getMessage());
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final MutableClock clock = new MutableClock();
    private final Words words = new Words();
    private final AtomicInteger loads = new AtomicInteger();
    private SingleFlightCache<String, Value> cache = cache(executor, 3);

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        executor.shutdownNow();
    }

    private SingleFlightCache<String, Value> cache(ExecutorService loads, int maxEntries) {
        return new SingleFlightCache<>(loads, clock, new SingleFlightCache.Policy<>(maxEntries, Value::until, RETRY,
                failure -> failure instanceof VaultRefusedException, REMEMBER));
    }

    private Value value(String text) {
        return new Value(text, clock.instant().plus(Duration.ofHours(1)));
    }

    private Value get(String key, SingleFlightCache.Loader<Value> loader) throws Exception {
        return cache.get(key, v -> true, loader, WAIT, words);
    }

    private SingleFlightCache.Loader<Value> counting(String text) {
        return previous -> {
            loads.incrementAndGet();
            return value(text);
        };
    }

    /** Waits (without sleeping for a fixed time) until {@code count} callers wait for the load of {@code key}. */
    private void awaitWaiting(String key, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (cache.waiting(key) < count) {
            assertThat(System.nanoTime()).as("callers waiting for the load").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    // ---- single flight ----

    @Test
    void concurrentCallersShareOneLoadAndAllGetItsValue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Value>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(callers.submit(() -> get("k", previous -> {
                loads.incrementAndGet();
                release.await();
                return value("shared");
            })));
        }
        awaitWaiting("k", 16);
        release.countDown();

        Value first = results.get(0).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        for (Future<Value> result : results) {
            assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(first.text()).isEqualTo("shared");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadReachesEveryWaiterAndIsNotCached() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Value>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(callers.submit(() -> get("k", previous -> {
                loads.incrementAndGet();
                release.await();
                throw new ServiceUnavailableException("vault down", null);
            })));
        }
        awaitWaiting("k", 8);
        release.countDown();

        for (Future<Value> result : results) {
            assertThatThrownBy(() -> result.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ServiceUnavailableException.class).hasMessageContaining("vault down");
        }
        assertThat(loads).hasValue(1);
        assertThat(get("k", counting("loaded after the failure")).text()).isEqualTo("loaded after the failure");
    }

    @Test
    void aStaleValueIsHandedToTheLoaderAndReplaced() throws Exception {
        get("k", previous -> value("v1"));

        Value reloaded = cache.get("k", v -> !v.text().equals("v1"), previous -> value(previous.text() + "+v2"), WAIT,
                words);

        assertThat(reloaded.text()).isEqualTo("v1+v2");
        assertThat(get("k", counting("unused")).text()).isEqualTo("v1+v2");
        assertThat(loads).hasValue(0);
    }

    @Test
    void aWaiterGivesUpAfterItsBoundInTheCallersWordsWithoutCancellingTheLoad() throws Exception {
        CountDownLatch release = new CountDownLatch(1);

        assertThatThrownBy(() -> cache.get("k", v -> true, previous -> {
                    release.await();
                    return value("late");
                }, Duration.ofMillis(50), words))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("caller's words: waited 50 ms");
        release.countDown();

        // Either joins the flight that is still ending or finds its value cached: the load was not cancelled.
        assertThat(get("k", counting("reloaded")).text()).isEqualTo("late");
        assertThat(loads).hasValue(0);
    }

    @Test
    void interruptingOneWaiterDoesNotCancelTheLoadForTheOthers() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SingleFlightCache.Loader<Value> slow = previous -> {
            loads.incrementAndGet();
            started.countDown();
            release.await();
            return value("for the patient");
        };
        AtomicReference<Throwable> interrupted = new AtomicReference<>();
        Thread impatient = new Thread(() -> {
            try {
                get("k", slow);
            } catch (Throwable t) {
                interrupted.set(t);
            }
        });
        impatient.start();
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Future<Value> patient = callers.submit(() -> get("k", slow));

        impatient.interrupt();
        impatient.join(WAIT.toMillis());
        release.countDown();

        assertThat(impatient.isAlive()).isFalse();
        assertThat(interrupted.get()).isInstanceOf(InterruptedException.class);
        assertThat(patient.get(WAIT.toSeconds(), TimeUnit.SECONDS).text()).isEqualTo("for the patient");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aRejectedLoadIsReportedInTheCallersWordsAndLeavesNoFlightBehind() throws Exception {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        cache = cache(closed, 3);

        for (int i = 0; i < 2; i++) { // the second call would wait for a flight nobody runs if the first left one
            assertThatThrownBy(() -> get("k", counting("never")))
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessage("caller's words: RejectedExecutionException")
                    .hasCauseInstanceOf(RejectedExecutionException.class);
        }
        assertThat(loads).hasValue(0);
    }

    // ---- eviction ----

    @Test
    void anEvictionDuringALoadWinsAndTheLoadedValueIsNotCached() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Value> waiter = callers.submit(() -> get("k", previous -> {
            loads.incrementAndGet();
            started.countDown();
            release.await();
            return value("loaded with the old credential");
        }));
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        cache.evict(key -> key.equals("k"));
        release.countDown();

        assertThat(waiter.get(WAIT.toSeconds(), TimeUnit.SECONDS).text()).isEqualTo("loaded with the old credential");
        assertThat(get("k", counting("loaded after the eviction")).text()).isEqualTo("loaded after the eviction");
        assertThat(loads).hasValue(2);
    }

    @Test
    void evictionForgetsOnlyTheMatchingKeys() throws Exception {
        get("a", counting("a1"));
        get("b", counting("b1"));

        cache.evict(key -> key.equals("a"));

        assertThat(get("a", counting("a2")).text()).isEqualTo("a2");
        assertThat(get("b", counting("b2")).text()).isEqualTo("b1");
    }

    // ---- bounds ----

    @Test
    void aValuePastItsUsableTimeIsNeitherServedNorKept() throws Exception {
        get("short", previous -> new Value("short-lived", clock.instant().plus(Duration.ofMinutes(1))));
        get("long", counting("long-lived"));
        clock.advance(Duration.ofMinutes(2));

        assertThat(get("other", counting("other")).text()).isEqualTo("other");
        assertThat(cache.size()).as("the expired entry was dropped when another was stored").isEqualTo(2);
        assertThat(get("short", counting("reloaded")).text()).isEqualTo("reloaded");
    }

    @Test
    void atMostMaxEntriesAreKeptAndTheLeastRecentlyUsedGoesFirst() throws Exception {
        get("a", counting("a"));
        get("b", counting("b"));
        get("c", counting("c"));
        get("a", counting("unused")); // a is now more recently used than b

        get("d", counting("d"));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(loads).hasValue(4);
        assertThat(get("a", counting("unused")).text()).isEqualTo("a");
        assertThat(get("b", counting("b again")).text()).isEqualTo("b again");
    }

    // ---- outages and refusals ----

    @Test
    void duringAnOutageTheStillUsablePreviousValueIsServedAndTheLoadRetriedOnlyAfterTheInterval() throws Exception {
        get("k", counting("v1"));
        SingleFlightCache.Loader<Value> down = previous -> {
            loads.incrementAndGet();
            throw new ServiceUnavailableException("HTTP 503", null);
        };

        Value during = cache.get("k", v -> false, down, WAIT, words);
        Value again = cache.get("k", v -> false, down, WAIT, words);
        clock.advance(RETRY.plusSeconds(1));
        Value later = cache.get("k", v -> false, counting("v2"), WAIT, words);

        assertThat(during.text()).isEqualTo("v1");
        assertThat(again.text()).isEqualTo("v1");
        assertThat(words.stale).containsExactly("v1 after HTTP 503");
        assertThat(later.text()).isEqualTo("v2");
        assertThat(loads).as("v1, one failed load, v2").hasValue(3);
    }

    @Test
    void duringAnOutageAPreviousValuePastItsUsableTimeIsNotServed() throws Exception {
        get("k", previous -> new Value("expiring", clock.instant().plus(Duration.ofMinutes(1))));
        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> get("k", previous -> {
                    assertThat(previous).isNull();
                    throw new ServiceUnavailableException("HTTP 503", null);
                }))
                .hasMessage("HTTP 503");
        assertThat(words.stale).isEmpty();
    }

    @Test
    void aRefusalIsNeverAnsweredWithThePreviousValue() throws Exception {
        get("k", counting("v1"));

        assertThatThrownBy(() -> cache.get("k", v -> false, previous -> {
                    throw new InvalidInputException("refused");
                }, WAIT, words))
                .isInstanceOf(InvalidInputException.class);
        assertThat(words.stale).isEmpty();
    }

    @Test
    void aRememberedFailureIsAnsweredFromTheCacheForItsPeriodOnly() throws Exception {
        SingleFlightCache.Loader<Value> refusing = previous -> {
            loads.incrementAndGet();
            throw new VaultRefusedException("no access", 403, "Forbidden");
        };

        assertThatThrownBy(() -> get("k", refusing)).hasMessage("no access");
        assertThatThrownBy(() -> get("k", refusing)).hasMessage("no access");
        assertThat(loads).hasValue(1);

        clock.advance(REMEMBER.plusSeconds(1));
        assertThat(get("k", counting("granted meanwhile")).text()).isEqualTo("granted meanwhile");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFailureThePolicyDoesNotRememberIsTriedAgainAtOnce() throws Exception {
        SingleFlightCache.Loader<Value> invalid = previous -> {
            loads.incrementAndGet();
            throw new InvalidInputException("bad");
        };

        assertThatThrownBy(() -> get("k", invalid)).hasMessage("bad");
        assertThatThrownBy(() -> get("k", invalid)).hasMessage("bad");
        assertThat(loads).hasValue(2);
    }
}
