package io.jenkins.plugins.exotoken.core.redact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of a fixed set of strings in one pass (Aho–Corasick): time linear in the text
 * whatever the strings and however often their prefixes repeat, unlike one {@code indexOf} per string.
 */
final class Literals {

    private final Map<Long, Integer> next = new HashMap<>();
    private int[] failure;
    /** For each state: the length of the longest string that ends there, 0 for none. */
    private int[] longest;
    private int states = 1;

    Literals(Collection<String> strings) {
        List<int[]> children = new ArrayList<>(); // per state: its child states, for the breadth-first pass
        children.add(new int[0]);
        int[] depth = new int[16];
        int[] terminal = new int[16];
        for (String s : strings) {
            int state = 0;
            for (int i = 0; i < s.length(); i++) {
                Integer child = next.get(key(state, s.charAt(i)));
                if (child == null) {
                    child = states++;
                    next.put(key(state, s.charAt(i)), child);
                    children.set(state, append(children.get(state), child));
                    children.add(new int[0]);
                    if (child >= depth.length) {
                        depth = Arrays.copyOf(depth, depth.length * 2);
                        terminal = Arrays.copyOf(terminal, terminal.length * 2);
                    }
                    depth[child] = i + 1;
                }
                state = child;
            }
            terminal[state] = s.length();
        }
        failure = new int[states];
        longest = new int[states];
        char[] label = labels();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : children.get(0)) {
            longest[child] = terminal[child];
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (int child : children.get(state)) {
                int f = failure[state];
                Integer target;
                while ((target = next.get(key(f, label[child]))) == null && f != 0) {
                    f = failure[f];
                }
                failure[child] = target == null ? 0 : target;
                longest[child] = terminal[child] > 0 ? terminal[child] : longest[failure[child]];
                queue.add(child);
            }
        }
    }

    /** Adds a span for every occurrence; of those ending at one position only the longest, which covers the rest. */
    void find(String text, Spans spans) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer target;
            while ((target = next.get(key(state, c))) == null && state != 0) {
                state = failure[state];
            }
            state = target == null ? 0 : target;
            if (longest[state] > 0) {
                spans.add(i + 1 - longest[state], i + 1);
            }
        }
    }

    private char[] labels() {
        char[] label = new char[states];
        next.forEach((k, state) -> label[state] = (char) (k & 0xFFFF));
        return label;
    }

    private static long key(int state, char c) {
        return ((long) state << 16) | c;
    }

    private static int[] append(int[] array, int value) {
        int[] copy = Arrays.copyOf(array, array.length + 1);
        copy[array.length] = value;
        return copy;
    }
}
