package io.jenkins.plugins.exotoken.core.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A concurrent map that keeps at most a given number of entries, dropping the least recently used one when a
 * new entry would exceed the bound. Reads take no lock; only {@link #put} pays for the bound (a scan and a sort,
 * once every eighth of the bound's puts when full), because puts follow a remote call or an expensive build.
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

    /**
     * Stores a value. Past the bound, the least recently used entries go (never the one just stored): an eighth of
     * the bound at once, so that a full map pays for its scan once every so many puts rather than on each.
     */
    public void put(K key, V value) {
        Slot<V> stored = new Slot<>(value);
        slots.put(key, stored);
        if (slots.size() <= maxEntries) {
            return;
        }
        List<Map.Entry<K, Slot<V>>> oldestFirst = new ArrayList<>(slots.entrySet());
        oldestFirst.removeIf(entry -> entry.getValue() == stored);
        oldestFirst.sort((a, b) -> Long.compare(a.getValue().lastUsed - b.getValue().lastUsed, 0));
        int excess = slots.size() - (maxEntries - maxEntries / 8);
        for (int i = 0; i < excess && i < oldestFirst.size(); i++) {
            Map.Entry<K, Slot<V>> entry = oldestFirst.get(i);
            slots.remove(entry.getKey(), entry.getValue()); // one changed meanwhile stays: the next put trims
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
