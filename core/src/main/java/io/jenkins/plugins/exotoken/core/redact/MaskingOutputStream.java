package io.jenkins.plugins.exotoken.core.redact;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An output stream that masks what a {@link LogMasker} finds, line by line, before passing it on: for the console
 * log of a build, or the output of a command.
 *
 * <ul>
 *   <li>Bytes are held until the end of their line ({@code \n}), then the line is decoded with the charset,
 *       masked, and written. A line with nothing to mask is passed on byte for byte. The charset must encode
 *       {@code \n} as the single byte 10, as UTF-8, ISO-8859-* and the Windows code pages do.
 *   <li>{@link #flush()} passes on complete lines only: a half line is held, in case it ends with half a secret.
 *       {@link #close()} masks and passes on a last line without {@code \n}, then closes the stream below.
 *   <li>At most {@link #DEFAULT_MAX_LINE} bytes are held. A longer line is masked and passed on in pieces, cut
 *       where no form of a value and no token shape can straddle the cut (outside any run of Base64url characters
 *       and dots, and at least the longest form's length before the end). A token shape cut anyway (a run of more
 *       than half that size without any other character) is masked on both sides: the rest of its run is not
 *       shown. Pieces are re-encoded with the charset, so malformed bytes in such a line become replacement
 *       characters.
 * </ul>
 *
 * <p>Not thread-safe, like most streams: one writer at a time.
 */
public final class MaskingOutputStream extends OutputStream {

    /** The most bytes held while waiting for the end of a line. */
    public static final int DEFAULT_MAX_LINE = 1 << 20;

    private final OutputStream out;
    private final Supplier<LogMasker> maskers;
    private final Charset charset;
    private final int maxLine;
    private byte[] line = new byte[256];
    private int length;
    /** The text last passed on ended inside a masked token shape whose run may go on: its rest is not shown. */
    private boolean inTokenRun;
    private boolean closed;

    public MaskingOutputStream(OutputStream out, LogMasker masker, Charset charset) {
        this(out, () -> masker, charset, DEFAULT_MAX_LINE);
    }

    /**
     * A stream whose masker may change while it is written, e.g. a build log opened before the values it must
     * mask exist: {@code maskers} is asked once per line (or part of a long line).
     */
    public MaskingOutputStream(OutputStream out, Supplier<LogMasker> maskers, Charset charset) {
        this(out, maskers, charset, DEFAULT_MAX_LINE);
    }

    MaskingOutputStream(OutputStream out, LogMasker masker, Charset charset, int maxLine) {
        this(out, () -> masker, charset, maxLine);
    }

    private MaskingOutputStream(OutputStream out, Supplier<LogMasker> maskers, Charset charset, int maxLine) {
        if (maxLine < 64) {
            throw new IllegalArgumentException("maxLine " + maxLine + " < 64");
        }
        this.out = out;
        this.maskers = Objects.requireNonNull(maskers, "maskers");
        this.charset = charset;
        this.maxLine = maxLine;
    }

    @Override
    public void write(int b) throws IOException {
        append(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, count, bytes.length);
        append(bytes, offset, count);
    }

    private void append(byte[] bytes, int offset, int count) throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
        int end = offset + count;
        int from = offset;
        while (from < end) {
            int newline = from;
            while (newline < end && bytes[newline] != '\n') {
                newline++;
            }
            int upTo = newline < end ? newline + 1 : end;
            while (from < upTo) { // in pieces no larger than the room left, so that the line stays bounded
                int room = maxLine - length;
                int take = Math.min(room, upTo - from);
                hold(bytes, from, take);
                from += take;
                if (length == maxLine && !(from == upTo && newline < end)) {
                    cut();
                }
            }
            if (newline < end) {
                endLine();
            }
        }
    }

    private void hold(byte[] bytes, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLine, Math.max(length + count, 2 * line.length)));
        }
        System.arraycopy(bytes, from, line, length, count);
        length += count;
    }

    /** Masks and passes on the line held, which ends with {@code \n} or with the stream. */
    private void endLine() throws IOException {
        if (length == 0) {
            return;
        }
        String text = new String(line, 0, length, charset);
        int skip = inTokenRun ? runLength(text) : 0;
        inTokenRun = false;
        String rest = skip == 0 ? text : text.substring(skip);
        Spans spans = maskers.get().find(rest);
        if (skip == 0 && spans.isEmpty()) {
            out.write(line, 0, length);
        } else {
            out.write((spans.isEmpty() ? rest : spans.apply(rest, Redactor.MASK)).getBytes(charset));
        }
        length = 0;
        if (line.length > 64 * 1024) {
            line = new byte[256]; // one long line does not keep its buffer for the rest of the log
        }
    }

    /** The line held is full: masks and passes on a first part of it, keeping the rest. */
    private void cut() throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.decode(in, chars, false); // a character cut at the end stays in `in`
        String text = chars.flip().toString();
        int c;
        if (inTokenRun) {
            // The rest of a token shape already masked: dropped, and the line goes on with what follows it.
            c = runLength(text);
            inTokenRun = c == text.length();
        } else {
            LogMasker masker = maskers.get();
            int[] spans = masker.find(text).merged();
            c = cutAt(text, spans, masker.longestForm());
            // Cut at the end of a token shape whose run may go on in the bytes to come: their run is masked too.
            int n = text.length();
            inTokenRun = c == n && spans.length > 0 && spans[spans.length - 1] == n
                    && TokenShape.isRunChar(text.charAt(n - 1));
            out.write(Spans.apply(text, Redactor.MASK, spans, c).getBytes(charset));
        }
        byte[] kept = text.substring(c).getBytes(charset);
        int undecoded = length - in.position();
        byte[] next = new byte[Math.max(256, kept.length + undecoded)];
        System.arraycopy(kept, 0, next, 0, kept.length);
        System.arraycopy(line, in.position(), next, kept.length, undecoded);
        line = next;
        length = kept.length + undecoded;
    }

    /**
     * Where to cut: the latest position, at least the longest form before the end and in the second half, that
     * is outside every span and every run of token characters. Failing that (a run longer than half the buffer),
     * at the end of a span crossing that position, or at the position itself.
     */
    private int cutAt(String text, int[] spans, int longestForm) {
        int n = text.length();
        int keep = Math.max(1, Math.min(longestForm, n / 4)); // the last character may start a run
        int latest = n - keep;
        int next = spans.length - 2; // the last span starting before c
        for (int c = latest; c > n / 2; c--) {
            while (next >= 0 && spans[next] >= c) {
                next -= 2;
            }
            boolean inSpan = next >= 0 && spans[next + 1] > c;
            if (!inSpan && !(TokenShape.isRunChar(text.charAt(c - 1)) && TokenShape.isRunChar(text.charAt(c)))) {
                return c;
            }
        }
        for (int i = 0; i < spans.length; i += 2) {
            if (spans[i] < latest && spans[i + 1] > latest) {
                return spans[i + 1];
            }
        }
        return latest;
    }

    private static int runLength(String text) {
        int i = 0;
        while (i < text.length() && TokenShape.isRunChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Passes on complete lines only (they were already); a half line is held until its end or {@link #close()}. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Masks and passes on the last line, if it has no {@code \n}, then closes the stream below. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            endLine();
        } finally {
            out.close();
        }
    }
}
