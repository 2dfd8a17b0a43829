package io.jenkins.plugins.exotoken.core.input;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * How an input value is shown back in a one-line message. Control characters (CR, LF, ESC, …), line and
 * paragraph separators and invisible format characters (such as bidirectional overrides) are escaped, so a
 * value can neither split a message into several lines nor forge one; a long value is cut.
 */
public final class Printable {

    /** Characters of a value shown by {@link #quote}; longer values are cut, the rest is not needed to spot it. */
    static final int MAX_QUOTED = 100;

    private Printable() {}

    /**
     * Whether the text holds a character that {@link #escape} would escape.
     *
     * @param text any text, or {@code null}
     */
    public static boolean hasControlCharacters(@Nullable String text) {
        return text != null && text.codePoints().anyMatch(Printable::isUnprintable);
    }

    /**
     * Refuses a value that holds a control character (after surrounding whitespace is dropped, as validators
     * do): a line break inside a value would split the messages and variables it reaches into forged lines.
     *
     * @param what names the input in the message, e.g. {@code Tenant}
     * @throws InvalidInputException showing the value escaped
     */
    public static void requireOneLine(String what, @Nullable String value) throws InvalidInputException {
        String trimmed = value == null ? "" : value.trim();
        if (hasControlCharacters(trimmed)) {
            throw new InvalidInputException(what + " " + quote(trimmed) + " contains a line break or another control"
                    + " character: give it on one line.");
        }
    }

    /** The text with unprintable characters escaped: {@code \n}, {@code \r}, {@code \t}, others as {@code \}{@code uXXXX}. */
    public static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (isUnprintable(c)) {
                        shown.append(String.format("\\u%04X", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        });
        return shown.toString();
    }

    /** The value escaped, cut to {@value #MAX_QUOTED} characters, in single quotes: for messages that name an input. */
    public static String quote(@Nullable String value) {
        String shown = escape(value);
        if (shown.length() > MAX_QUOTED) {
            shown = shown.substring(0, MAX_QUOTED) + "…";
        }
        return "'" + shown + "'";
    }

    private static boolean isUnprintable(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }
}
