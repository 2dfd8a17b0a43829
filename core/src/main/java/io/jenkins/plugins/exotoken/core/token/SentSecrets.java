package io.jenkins.plugins.exotoken.core.token;

import io.jenkins.plugins.exotoken.core.redact.Redactor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Masks, in an error answer to one of msal4j's requests, the secrets that request carried — the client secret
 * or client assertion of its form, a managed-identity header — and anything token-shaped, before msal4j reads
 * the answer: msal4j copies error descriptions and unparsable bodies into its exception messages and logs them
 * (at WARN), so an endpoint or proxy that echoes the request would otherwise put them in every log.
 *
 * <p>Successful answers are left alone: they carry the token itself.
 */
final class SentSecrets {

    private static final Set<String> SECRET_FIELDS = Set.of("client_secret");
    private static final Set<String> TOKEN_FIELDS = Set.of("client_assertion");
    /** App Service's and Service Fabric's identity headers, Azure Arc's Basic key, any bearer token. */
    private static final Set<String> SECRET_HEADERS = Set.of("x-identity-header", "secret", "authorization");

    private SentSecrets() {}

    /** The answer's body as msal4j may read it: unchanged for a success, redacted otherwise. */
    static @Nullable String redactAnswer(@Nullable String requestBody, @Nullable Map<String, String> requestHeaders,
            int status, @Nullable String answer) {
        if (status >= 200 && status < 300 || answer == null || answer.isEmpty()) {
            return answer;
        }
        return of(requestBody, requestHeaders).redact(answer);
    }

    /** A redactor for the secrets of one request: its form fields and headers. */
    static Redactor of(@Nullable String requestBody, @Nullable Map<String, String> requestHeaders) {
        Redactor redactor = Redactor.tokenShapes();
        if (requestBody != null) {
            for (String field : requestBody.split("&")) {
                int eq = field.indexOf('=');
                String name = eq < 0 ? field : field.substring(0, eq);
                String raw = eq < 0 ? "" : field.substring(eq + 1);
                if (SECRET_FIELDS.contains(name) || TOKEN_FIELDS.contains(name)) {
                    String value = decode(raw);
                    redactor = (SECRET_FIELDS.contains(name) ? redactor.withSecret(value) : redactor.withToken(value))
                            .withToken(raw); // exactly as it was sent, whatever the encoder
                }
            }
        }
        if (requestHeaders != null) {
            for (Map.Entry<String, String> header : requestHeaders.entrySet()) {
                if (header.getKey() != null && SECRET_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    String value = header.getValue() == null ? "" : header.getValue().strip();
                    int space = value.indexOf(' ');
                    // "Bearer <token>", "Basic <key>": the credential is after the scheme
                    redactor = redactor.withSecret(space < 0 ? value : value.substring(space + 1).strip());
                }
            }
        }
        return redactor;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
