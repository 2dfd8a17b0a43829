package io.jenkins.plugins.exotoken.core.redact;

import java.util.Arrays;

/** Character ranges of a text to mask, collected from several finders, then merged and applied once. */
final class Spans {

    private long[] spans = new long[8];
    private int size;

    void add(int start, int end) {
        if (end <= start) {
            return;
        }
        if (size == spans.length) {
            spans = Arrays.copyOf(spans, size * 2);
        }
        spans[size++] = ((long) start << 32) | end;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The text with every span, overlapping or adjacent ones merged, replaced by {@code mask}. */
    String apply(String text, String mask) {
        return apply(text, mask, merged(), text.length());
    }

    /**
     * The text up to {@code end}, with the given merged spans that start before {@code end} replaced by
     * {@code mask}; a span reaching past {@code end} is masked up to it.
     */
    static String apply(String text, String mask, int[] merged, int end) {
        StringBuilder out = new StringBuilder(end);
        int copied = 0;
        for (int i = 0; i < merged.length && merged[i] < end; i += 2) {
            out.append(text, copied, merged[i]).append(mask);
            copied = Math.min(merged[i + 1], end);
        }
        return out.append(text, copied, end).toString();
    }

    /** Whether the spans are exactly one, covering {@code [start, end)}. */
    boolean coversExactly(int start, int end) {
        return size == 1 && spans[0] == (((long) start << 32) | end);
    }

    /** The spans, overlapping or adjacent ones merged, sorted: start and end of each, one after the other. */
    int[] merged() {
        Arrays.sort(spans, 0, size); // by start, then end
        int[] merged = new int[2 * size];
        int n = 0;
        int i = 0;
        while (i < size) {
            int start = (int) (spans[i] >>> 32);
            int end = (int) spans[i];
            for (i++; i < size && (int) (spans[i] >>> 32) <= end; i++) {
                end = Math.max(end, (int) spans[i]);
            }
            merged[n++] = start;
            merged[n++] = end;
        }
        return Arrays.copyOf(merged, n);
    }
}
