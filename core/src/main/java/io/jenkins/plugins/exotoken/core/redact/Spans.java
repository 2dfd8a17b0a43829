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
        Arrays.sort(spans, 0, size); // by start, then end
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < size) {
            int start = (int) (spans[i] >>> 32);
            int end = (int) spans[i];
            for (i++; i < size && (int) (spans[i] >>> 32) <= end; i++) {
                end = Math.max(end, (int) spans[i]);
            }
            out.append(text, copied, start).append(mask);
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }
}
