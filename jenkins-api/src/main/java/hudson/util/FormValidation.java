package hudson.util;

import java.io.IOException;

/**
 * Compile-only declaration of {@code hudson.util.FormValidation}: kind and message as upstream, the message
 * HTML-escaped as upstream's {@code error(String)}, {@code warning(String)} and {@code ok(String)} escape it
 * (with {@code hudson.Util.escape}), and a {@code null} message giving {@link #ok()}.
 */
public abstract class FormValidation extends IOException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private static final FormValidation OK = new FormValidation(Kind.OK) {
        private static final long serialVersionUID = 1L;
    };

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        return of(Kind.ERROR, message);
    }

    public static FormValidation warning(String message) {
        return of(Kind.WARNING, message);
    }

    public static FormValidation ok(String message) {
        return of(Kind.OK, message);
    }

    public static FormValidation ok() {
        return OK;
    }

    private static FormValidation of(Kind kind, String message) {
        if (message == null) {
            return ok();
        }
        return new FormValidation(kind, escape(message)) {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return kind + ": " + getMessage();
            }
        };
    }

    /** Upstream's {@code hudson.Util.escape}, which is not declared here since the plugin does not call it. */
    private static String escape(String text) {
        StringBuilder buf = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\n' -> buf.append("<br>");
                case '<' -> buf.append("&lt;");
                case '>' -> buf.append("&gt;");
                case '&' -> buf.append("&amp;");
                case '"' -> buf.append("&quot;");
                case '\'' -> buf.append("&#039;");
                case ' ' -> buf.append(i + 1 < text.length() && text.charAt(i + 1) == ' ' ? "&nbsp;" : " ");
                default -> buf.append(ch);
            }
        }
        return buf.toString();
    }
}
