package io.jenkins.plugins.exotoken.core.cache;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A cache whose misses are loaded once however many callers ask at the same time: the first caller starts
 * the load on an executor, every caller (the first included) waits for it with its own bound, and can be
 * interrupted without cancelling the load for the others.
 *
 * @param <K> key
 * @param <V> value
 */
public final class SingleFlightCache<K, V> {

    /** Loads a value; {@code previous} is the cached one (stale, or {@code null}), e.g. to fall back on. */
    public interface Loader<V> {
        V load(V previous) throws ExoTokenException, InterruptedException;
    }

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final Map<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();
    private final Executor executor;

    public SingleFlightCache(Executor executor) {
        this.executor = executor;
    }

    /**
     * The cached value if {@code fresh} accepts it, else the result of one shared load.
     *
     * @param bound how long this caller waits for a load
     * @param what names the value in messages, e.g. {@code "No token for app …"}
     */
    public V get(K key, Predicate<V> fresh, Loader<V> loader, Duration bound, String what)
            throws ExoTokenException, InterruptedException {
        V cached = values.get(key);
        if (cached != null && fresh.test(cached)) {
            return cached;
        }
        CompletableFuture<V> flight = new CompletableFuture<>();
        CompletableFuture<V> existing = flights.putIfAbsent(key, flight);
        if (existing != null) {
            return await(existing, bound, what);
        }
        // Leader: another leader may have filled the cache between our look-up and our flight.
        V current = values.get(key);
        if (current != null && fresh.test(current)) {
            flights.remove(key, flight);
            flight.complete(current);
            return current;
        }
        try {
            executor.execute(() -> fly(key, loader, current, flight));
        } catch (RuntimeException e) { // executor shut down
            flights.remove(key, flight);
            flight.completeExceptionally(e);
        }
        return await(flight, bound, what);
    }

    /** Forgets the values whose keys match. */
    public void evict(Predicate<K> matching) {
        values.keySet().removeIf(matching);
    }

    private void fly(K key, Loader<V> loader, V previous, CompletableFuture<V> flight) {
        try {
            V value = loader.load(previous);
            values.put(key, value);
            flights.remove(key, flight);
            flight.complete(value);
        } catch (Throwable t) {
            flights.remove(key, flight);
            flight.completeExceptionally(t);
        }
    }

    private static <V> V await(CompletableFuture<V> flight, Duration bound, String what)
            throws ExoTokenException, InterruptedException {
        try {
            return flight.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException(what + ": no answer within "
                    + (bound.toSeconds() > 0 ? bound.toSeconds() + " s." : bound.toMillis() + " ms."), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExoTokenException failure) {
                throw failure;
            }
            if (cause instanceof InterruptedException) {
                throw new ServiceUnavailableException(what + ": the request was cancelled.", null);
            }
            throw new ServiceUnavailableException(what + ": unexpected failure (" + cause.getClass().getSimpleName()
                    + ").", cause);
        }
    }
}
