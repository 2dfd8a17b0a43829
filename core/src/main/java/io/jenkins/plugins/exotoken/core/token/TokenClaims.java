package io.jenkins.plugins.exotoken.core.token;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Reads a claim or two from a JWT access token's payload, for diagnostics; never verifies, never trusts. */
final class TokenClaims {

    private static final Logger LOGGER = Logger.getLogger(TokenClaims.class.getName());

    private TokenClaims() {}

    /**
     * The {@code roles} claim: empty when the payload was read and names no role, absent when the token's claims
     * cannot be read (an opaque token, or a payload that is not JSON) — so that case is never taken for "no roles".
     */
    static Optional<List<String>> roles(String jwt) {
        return payload(jwt).map(claims -> claims.get("roles") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of());
    }

    private static Optional<Map<String, Object>> payload(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            LOGGER.fine("The access token is not a JWT (it has no three parts): its claims cannot be read");
            return Optional.empty();
        }
        try (JsonReader reader = JsonProviders.createReader(Base64.getUrlDecoder().decode(parts[1]))) {
            reader.nextToken();
            return Optional.of(reader.readMap(JsonReader::readUntyped));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // The exception's text may quote the payload: log only its type.
            LOGGER.log(Level.FINE, "The access token's claims cannot be read ({0})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
