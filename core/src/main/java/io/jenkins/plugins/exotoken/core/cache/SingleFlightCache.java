package io.jenkins.plugins.exotoken.core.cache;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A cache whose misses are loaded once however many callers ask at the same time: the first caller starts
 * the load on an executor, every caller (the first included) waits for it with its own bound, and can be
 * interrupted without cancelling the load for the others.
 *
 * <p>Built to live for months in one process:
 * <ul>
 *   <li>A value is never served, and is dropped, once its {@link Policy#usableUntil usable-until} instant has
 *       passed; at most {@link Policy#maxEntries} values are kept (the least recently used go first).
 *   <li>{@link #evict} wins over a load in flight: a load that started before the eviction does not put its
 *       value back.
 *   <li>When a load fails with {@link ServiceUnavailableException} and the previous value is still usable, that
 *       value is served instead ({@link Reporting#usingStale} is told) and the next load is tried only after
 *       {@link Policy#outageRetry}; a refusal (any other failure) is never answered with the previous value.
 *   <li>Failures that {@link Policy#remembered} accepts are answered from the cache for
 *       {@link Policy#rememberFor}, so that a misconfiguration does not call the service on every request.
 * </ul>
 *
 * <p>The cache writes no sentence of its own: what a caller is told comes from the caller's {@link Reporting}.
 *
 * @param <K> key
 * @param <V> value
 */
public final class SingleFlightCache<K, V> {

    /** How often unusable entries are swept out, at most. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    /** Loads a value; {@code previous} is the cached one (stale but still usable, or {@code null}). */
    public interface Loader<V> {
        V load(@Nullable V previous) throws ExoTokenException, InterruptedException;
    }

    /** What one caller says when the mechanism, rather than the load, fails; and what it logs. */
    public interface Reporting<V> {
        /** This caller waited {@code bound} and the load has not ended (it goes on for the others). */
        ExoTokenException noAnswerWithin(Duration bound);

        /** The load ended without a value and without an {@link ExoTokenException}: cancelled, refused, a bug. */
        ExoTokenException failed(Throwable cause);

        /** {@code stale} is served because the service is unavailable; the caller logs it (never a secret). */
        void usingStale(V stale, ServiceUnavailableException outage);
    }

    /**
     * How long values are kept and how failures are remembered.
     *
     * @param maxEntries the most values (and remembered failures) kept
     * @param usableUntil when a value becomes useless, e.g. a token's expiry; it is neither served nor kept after
     * @param outageRetry how long a still-usable previous value is served after an outage before trying again
     * @param remembered which failures are remembered, e.g. a refusal; {@code f -> false} for none
     * @param rememberFor how long a remembered failure is answered from the cache
     */
    public record Policy<V>(
            int maxEntries,
            Function<? super V, Instant> usableUntil,
            Duration outageRetry,
            Predicate<? super ExoTokenException> remembered,
            Duration rememberFor) {}

    /** A value (with the end of an outage's grace, if any) or a remembered failure, until {@code until}. */
    private record Entry<V>(@Nullable V value, @Nullable ExoTokenException failure, Instant until,
            @Nullable Instant retryAfter) {}

    /** A load in flight; {@code evicted} once an eviction matched its key, so that it stores nothing. */
    private static final class Flight<V> extends CompletableFuture<V> {
        volatile boolean evicted;
    }

    private final BoundedMap<K, Entry<V>> entries;
    private final Map<K, Flight<V>> flights = new ConcurrentHashMap<>();
    /** Orders stores against evictions, so that an eviction cannot be undone; hits never take it. */
    private final Object storeLock = new Object();
    /** When {@link #finish} next drops unusable entries; guarded by {@link #storeLock}. */
    private Instant nextSweep = Instant.MIN;
    private final Executor executor;
    private final Clock clock;
    private final Policy<V> policy;

    public SingleFlightCache(Executor executor, Clock clock, Policy<V> policy) {
        this.executor = executor;
        this.clock = clock;
        this.policy = policy;
        this.entries = new BoundedMap<>(policy.maxEntries());
    }

    /**
     * The cached value if {@code fresh} accepts it (or an outage's grace covers it), else the result of one
     * shared load.
     *
     * @param bound how long this caller waits for a load
     * @param reporting this caller's words for the mechanism's failures
     */
    public V get(K key, Predicate<? super V> fresh, Loader<V> loader, Duration bound, Reporting<V> reporting)
            throws ExoTokenException, InterruptedException {
        V cached = servable(entries.get(key), fresh);
        if (cached != null) {
            return cached;
        }
        Flight<V> flight = new Flight<>();
        Flight<V> existing = flights.putIfAbsent(key, flight);
        if (existing != null) {
            return await(existing, bound, reporting);
        }
        // Leader: another leader may have filled the cache between our look-up and our flight.
        Entry<V> current = entries.get(key);
        V now = servable(current, fresh);
        if (now != null) {
            finish(key, flight, null);
            flight.complete(now);
            return now;
        }
        V previous = current != null && current.value != null && usable(current) ? current.value : null;
        try {
            executor.execute(() -> fly(key, loader, previous, flight, reporting));
        } catch (RuntimeException e) { // e.g. the executor was shut down
            finish(key, flight, null);
            flight.completeExceptionally(e);
        }
        return await(flight, bound, reporting);
    }

    /** Forgets the values and remembered failures whose keys match, and keeps loads in flight for them from storing. */
    public void evict(Predicate<? super K> matching) {
        synchronized (storeLock) {
            flights.forEach((key, flight) -> {
                if (matching.test(key)) {
                    flight.evicted = true;
                }
            });
            flights.keySet().removeIf(matching);
            entries.removeIf((key, entry) -> matching.test(key));
        }
    }

    /** How many values and remembered failures are held (for tests and diagnostics). */
    int size() {
        return entries.size();
    }

    /** Roughly how many callers wait for the load of {@code key} (for tests: to know that all have joined). */
    int waiting(K key) {
        CompletableFuture<V> flight = flights.get(key);
        return flight == null ? 0 : flight.getNumberOfDependents();
    }

    private @Nullable V servable(@Nullable Entry<V> entry, Predicate<? super V> fresh) throws ExoTokenException {
        if (entry == null || !usable(entry)) {
            return null;
        }
        if (entry.failure != null) {
            throw entry.failure;
        }
        boolean inGrace = entry.retryAfter != null && clock.instant().isBefore(entry.retryAfter);
        return inGrace || fresh.test(entry.value) ? entry.value : null;
    }

    private boolean usable(Entry<V> entry) {
        return clock.instant().isBefore(entry.until);
    }

    private void fly(K key, Loader<V> loader, @Nullable V previous, Flight<V> flight, Reporting<V> reporting) {
        try {
            V value = loader.load(previous);
            finish(key, flight, new Entry<>(value, null, policy.usableUntil().apply(value), null));
            flight.complete(value);
        } catch (ServiceUnavailableException outage) {
            Instant now = clock.instant();
            Instant until = previous == null ? null : policy.usableUntil().apply(previous);
            if (until != null && now.isBefore(until)) {
                reporting.usingStale(previous, outage);
                finish(key, flight, new Entry<>(previous, null, until, now.plus(policy.outageRetry())));
                flight.complete(previous);
            } else {
                fail(key, flight, outage);
            }
        } catch (Throwable t) {
            fail(key, flight, t);
        }
    }

    private void fail(K key, Flight<V> flight, Throwable t) {
        boolean remember = t instanceof ExoTokenException e && policy.remembered().test(e);
        finish(key, flight, remember
                ? new Entry<>(null, (ExoTokenException) t, clock.instant().plus(policy.rememberFor()), null)
                : null);
        flight.completeExceptionally(t);
    }

    /**
     * Ends a flight: stores its entry unless it was evicted meanwhile, and drops what is no longer usable — a scan,
     * so at most once per {@link #SWEEP_INTERVAL}; an unusable entry is never served meanwhile.
     */
    private void finish(K key, Flight<V> flight, @Nullable Entry<V> entry) {
        synchronized (storeLock) {
            if (entry != null && !flight.evicted) {
                entries.put(key, entry);
            }
            flights.remove(key, flight);
            Instant now = clock.instant();
            if (!now.isBefore(nextSweep)) {
                nextSweep = now.plus(SWEEP_INTERVAL);
                entries.removeIf((k, e) -> !usable(e));
            }
        }
    }

    private static <V> V await(CompletableFuture<V> flight, Duration bound, Reporting<V> reporting)
            throws ExoTokenException, InterruptedException {
        try {
            return flight.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw reporting.noAnswerWithin(bound);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExoTokenException failure) {
                throw failure;
            }
            throw reporting.failed(e.getCause());
        }
    }
}
