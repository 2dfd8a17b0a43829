package io.jenkins.plugins.exotoken.core;

import java.io.Serializable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What Entra ID said when it refused a token request.
 *
 * @param httpStatus HTTP status of the answer
 * @param error the OAuth error, e.g. {@code invalid_client}, or {@code null} when msal4j read none
 * @param code the AADSTS code, e.g. {@code AADSTS7000215}, or {@code null} when the answer had none
 * @param description the first line of {@code error_description}, which Entra writes for people
 * @param traceId {@code trace_id}, for Microsoft support, or {@code null}
 * @param correlationId {@code correlation_id}, or {@code null}
 */
public record EntraError(
        int httpStatus, @Nullable String error, @Nullable String code, String description, @Nullable String traceId,
        @Nullable String correlationId)
        implements Serializable {

    public Optional<String> aadsts() {
        return Optional.ofNullable(code);
    }
}
