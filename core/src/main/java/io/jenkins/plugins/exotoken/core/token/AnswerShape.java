package io.jenkins.plugins.exotoken.core.token;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import io.jenkins.plugins.exotoken.core.http.Answer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether a token answer has the shape msal4j reads without tripping (a JSON object with a non-empty
 * {@code access_token} and a lifetime field msal4j can parse); otherwise a malformed success surfaces as a
 * {@code NullPointerException} or {@code NumberFormatException} deep inside msal4j. The values themselves are
 * checked by {@link AccessToken#checked}.
 */
final class AnswerShape {

    /** msal4j reads a managed identity's {@code expires_on} as epoch seconds or as an ISO 8601 instant. */
    private static final String ISO_ALLOWED = "expires_on";

    private AnswerShape() {}

    /** What is wrong, as a fragment such as {@code has no access_token}, or {@code null} when nothing is. */
    static @Nullable String problem(Answer answer, String lifetimeField) {
        if (!answer.isJson()) {
            return "is " + answer.bodyKind() + ", not JSON";
        }
        Map<String, Object> json;
        try (JsonReader reader = JsonProviders.createReader(answer.body())) {
            reader.nextToken();
            json = reader.readMap(JsonReader::readUntyped);
        } catch (IOException | RuntimeException e) {
            return "is not valid JSON";
        }
        if (json == null) {
            return "is not a JSON object";
        }
        if (!(json.get("access_token") instanceof String token) || token.isEmpty()) {
            return "has no access_token";
        }
        Object lifetime = json.get(lifetimeField);
        if (lifetime == null) {
            return "has no " + lifetimeField;
        }
        String text = lifetime instanceof Number || lifetime instanceof String ? String.valueOf(lifetime) : "";
        if (!text.matches("-?\\d{1,15}") && !(ISO_ALLOWED.equals(lifetimeField) && isInstant(text))) {
            return "has an " + lifetimeField + " that is not a time in whole seconds";
        }
        return null;
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
