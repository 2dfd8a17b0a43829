package io.jenkins.plugins.exotoken.core.redact;

import io.jenkins.plugins.exotoken.core.SecretValue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Masks secrets in text that came from elsewhere — a service's error description, an exception message, a
 * proxy's page, a log record — before it is shown or logged: a service or proxy that echoes the request would
 * otherwise hand its secrets back into a message.
 *
 * <p>A caller builds one from the secrets of the request at hand ({@link #withSecret} for a client secret or
 * password, {@link #withToken} for a bearer token or client assertion); every redactor also masks anything
 * shaped like a JSON Web Token, which covers assertions and access tokens it was not told about. Each secret is
 * masked in the forms it can come back in: plain, URL-encoded ({@code +} or {@code %20}), JSON-escaped and, for
 * secrets, Base64 (standard or URL-safe, padded or not, alone or inside a longer encoded text).
 *
 * <p>Immutable and thread-safe. {@link #redact} takes time linear in the text, whatever it contains.
 */
public final class Redactor {

    /** What replaces a secret. */
    public static final String MASK = "****";

    private static final Redactor TOKEN_SHAPES = new Redactor(Set.of());

    private final Set<String> forms;
    private final @Nullable Literals literals;

    private Redactor(Set<String> forms) {
        this.forms = forms;
        this.literals = forms.isEmpty() ? null : new Literals(forms);
    }

    /** Masks token-shaped text only: the redactor to use when no secret of a request is at hand. */
    public static Redactor tokenShapes() {
        return TOKEN_SHAPES;
    }

    /**
     * This redactor, also masking a long-lived secret (client secret, password) in all its forms; a blank one
     * is ignored (it would mask every space).
     */
    public Redactor withSecret(@Nullable String secret) {
        return secret == null || secret.isBlank() ? this : with(SecretForms.ofSecret(secret));
    }

    /** This redactor, also masking a long-lived secret (client secret, password) in all its forms. */
    public Redactor withSecret(@Nullable SecretValue secret) {
        return secret == null ? this : withSecret(secret.reveal());
    }

    /**
     * This redactor, also masking a short-lived credential (bearer token, client assertion, a managed-identity
     * header) as it travels: plain, URL-encoded, JSON-escaped.
     */
    public Redactor withToken(@Nullable String token) {
        return token == null || token.isBlank() ? this : with(SecretForms.ofToken(token));
    }

    private Redactor with(Set<String> more) {
        Set<String> all = new LinkedHashSet<>(forms);
        all.addAll(more);
        return all.size() == forms.size() ? this : new Redactor(Set.copyOf(all));
    }

    /** The text with every secret and token shape replaced by {@link #MASK}; {@code null} stays {@code null}. */
    public @Nullable String redact(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Spans spans = new Spans();
        if (literals != null) {
            literals.find(text, spans);
        }
        TokenShape.find(text, spans);
        return spans.isEmpty() ? text : spans.apply(text, MASK);
    }

    /**
     * A failure's stack trace, redacted: the messages of its causes may carry a service's answer, e.g. an
     * echoed request.
     */
    public String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            failure.printStackTrace(writer);
        }
        return redact(out.toString());
    }

    @Override
    public String toString() {
        return "Redactor[" + forms.size() + " secret forms and token shapes]";
    }
}
