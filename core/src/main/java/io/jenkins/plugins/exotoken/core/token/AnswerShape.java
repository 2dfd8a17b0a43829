package io.jenkins.plugins.exotoken.core.token;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import io.jenkins.plugins.exotoken.core.http.Answer;
import java.io.IOException;
import java.util.Map;

/**
 * Whether a token answer has the shape msal4j reads without tripping (a JSON object with a non-empty
 * {@code access_token} and a whole-seconds lifetime field); otherwise a malformed success surfaces as a
 * {@code NullPointerException} or {@code NumberFormatException} deep inside msal4j. The values themselves are
 * checked by {@link AccessToken#checked}.
 */
final class AnswerShape {

    private AnswerShape() {}

    /** What is wrong, as a fragment such as {@code has no access_token}, or {@code null} when nothing is. */
    static String problem(Answer answer, String lifetimeField) {
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
        String digits = lifetime instanceof Number || lifetime instanceof String ? String.valueOf(lifetime) : "";
        if (!digits.matches("-?\\d{1,15}")) {
            return "has no " + lifetimeField + " in whole seconds";
        }
        return null;
    }
}
