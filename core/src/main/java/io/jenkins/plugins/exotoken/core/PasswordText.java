package io.jenkins.plugins.exotoken.core;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for a password typed into an environment variable or a file (the CLI's {@code --password-env},
 * {@code --password-file}, the plugin's uploaded or pasted values): a leading UTF-8 byte order mark and one final
 * line ending ({@code LF} or {@code CRLF}) are dropped, as editors and {@code echo} add them; any other line break
 * is refused, since a password is one line. Everything else, spaces included, is part of the password — and when
 * such a password turns out wrong, {@link #note} says what it ends with.
 */
public final class PasswordText {

    private PasswordText() {}

    /**
     * @param source names where the text came from, e.g. {@code "environment variable PFX_PASSWORD"}; never the value
     * @throws InvalidInputException when a line break is left inside
     */
    public static SecretValue of(String source, @Nullable String text) throws InvalidInputException {
        if (text == null) {
            return SecretValue.empty();
        }
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int end = text.endsWith("\r\n") ? text.length() - 2 : text.endsWith("\n") ? text.length() - 1 : text.length();
        String password = end <= start ? "" : text.substring(start, end);
        if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new InvalidInputException("The password in " + source + " has a line break inside it: a password is"
                    + " one line; keep only the password there (one final line ending is fine).");
        }
        return SecretValue.of(password);
    }

    /** {@link #of(String, String)} for a file's bytes, read as UTF-8; the caller clears its bytes. */
    public static SecretValue of(String source, byte[] utf8) throws InvalidInputException {
        return of(source, new String(utf8, StandardCharsets.UTF_8));
    }

    /**
     * For a "wrong password" message: {@code " (note: it ends with a space)"} and the like when the password ends
     * with white space or a line break — the likely reason a correct-looking password fails — else {@code ""}.
     * Names the character, never the password.
     */
    public static String note(char[] password) {
        if (password.length == 0) {
            return "";
        }
        char last = password[password.length - 1];
        String what = switch (last) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n' -> "a newline";
            case '\r' -> "a carriage return";
            case '\u00A0' -> "a no-break space";
            default -> Character.isWhitespace(last) || Character.isSpaceChar(last) ? "a white-space character" : null;
        };
        return what == null ? "" : " (note: it ends with " + what + ")";
    }
}
