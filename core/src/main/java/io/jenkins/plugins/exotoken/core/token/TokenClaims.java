package io.jenkins.plugins.exotoken.core.token;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reads a claim or two from a JWT access token's payload, for diagnostics; never verifies, never trusts. */
final class TokenClaims {

    private TokenClaims() {}

    static List<String> roles(String jwt) {
        Object roles = payload(jwt).get("roles");
        if (roles instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static Map<String, Object> payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Map.of(); // an opaque token: nothing to read
        }
        try (JsonReader reader = JsonProviders.createReader(Base64.getUrlDecoder().decode(parts[1]))) {
            reader.nextToken();
            return reader.readMap(JsonReader::readUntyped);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return Map.of();
        }
    }
}
