package io.jenkins.plugins.exotoken.core.redact;

/**
 * Finds text shaped like a JSON Web Token — a Base64url segment starting {@code eyJ} (an encoded {@code {"}),
 * a dot, and at least one more segment — which covers access tokens, client assertions and encrypted tokens
 * whatever their value.
 *
 * <p>A hand-written scan rather than a regular expression: each character is looked at a bounded number of
 * times, so a hostile multi-megabyte line of Base64url characters and dots costs linear time (a backtracking
 * {@code find()} would retry from every {@code eyJ} and take quadratic time).
 */
final class TokenShape {

    /** Characters of a first segment after {@code eyJ}: shorter runs are not taken for a token header. */
    private static final int MIN_HEADER = 7;
    /** Base64url characters after the header's dot: fewer are not taken for a token's payload. */
    private static final int MIN_PAYLOAD = 4;

    private TokenShape() {}

    static void find(String text, Spans spans) {
        int n = text.length();
        int from = 0;
        while (from < n) {
            int start = text.indexOf("eyJ", from);
            if (start < 0) {
                return;
            }
            int headerEnd = skipSegment(text, start + 3);
            if (headerEnd - start >= MIN_HEADER && headerEnd < n && text.charAt(headerEnd) == '.') {
                // The rest of the run: payload and signature, or the four parts of an encrypted token (whose
                // encrypted key is empty with direct encryption).
                int end = headerEnd;
                int segmentChars = 0;
                for (; end < n && (text.charAt(end) == '.' || isSegmentChar(text.charAt(end))); end++) {
                    segmentChars += text.charAt(end) == '.' ? 0 : 1;
                }
                if (segmentChars >= MIN_PAYLOAD) {
                    spans.add(start, end);
                    from = end;
                    continue;
                }
            }
            // Any later "eyJ" before headerEnd has the same segment end and a shorter header: it fails alike.
            from = headerEnd;
        }
    }

    /** Whether the whole text is one token shape (so that {@link #find} masks it wherever it appears). */
    static boolean covers(String text) {
        Spans spans = new Spans();
        find(text, spans);
        return spans.coversExactly(0, text.length());
    }

    /** Whether {@code c} can be part of a token shape: a Base64url character or a dot. */
    static boolean isRunChar(char c) {
        return c == '.' || isSegmentChar(c);
    }

    private static int skipSegment(String text, int from) {
        int i = from;
        while (i < text.length() && isSegmentChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSegmentChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
