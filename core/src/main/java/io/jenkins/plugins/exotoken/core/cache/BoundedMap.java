package io.jenkins.plugins.exotoken.core.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A concurrent map that keeps at most a given number of entries, dropping the least recently used one when a
 * new entry would exceed the bound. Reads take no lock; only {@link #put} pays for the bound (a scan, kept
 * cheap by the small bounds callers choose), because puts follow a remote call or an expensive build.
 *
 * @param <K> key
 * @param <V> value
 */
public final class BoundedMap<K, V> {

    private static final class Slot<V> {
        final V value;
        volatile long lastUsed = System.nanoTime();

        Slot(V value) {
            this.value = value;
        }
    }

    private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();
    private final int maxEntries;

    public BoundedMap(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    /** The value, marked as just used; {@code null} when absent. */
    public @Nullable V get(K key) {
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        slot.lastUsed = System.nanoTime();
        return slot.value;
    }

    /** Stores a value, then drops least recently used entries beyond the bound (never the one just stored). */
    public void put(K key, V value) {
        Slot<V> stored = new Slot<>(value);
        slots.put(key, stored);
        while (slots.size() > maxEntries) {
            Map.Entry<K, Slot<V>> oldest = null;
            for (Map.Entry<K, Slot<V>> entry : slots.entrySet()) {
                if (entry.getValue() != stored
                        && (oldest == null || entry.getValue().lastUsed - oldest.getValue().lastUsed < 0)) {
                    oldest = entry;
                }
            }
            if (oldest == null || !slots.remove(oldest.getKey(), oldest.getValue())) {
                break; // changed meanwhile: the next put trims again
            }
        }
    }

    /** Removes the entries that match. */
    public void removeIf(BiPredicate<? super K, ? super V> matching) {
        slots.entrySet().removeIf(entry -> matching.test(entry.getKey(), entry.getValue().value));
    }

    public int size() {
        return slots.size();
    }
}
