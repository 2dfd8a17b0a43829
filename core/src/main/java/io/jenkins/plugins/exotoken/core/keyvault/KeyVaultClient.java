package io.jenkins.plugins.exotoken.core.keyvault;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.VaultRefusedException;
import io.jenkins.plugins.exotoken.core.http.Answer;
import io.jenkins.plugins.exotoken.core.http.BoundedExchange;
import io.jenkins.plugins.exotoken.core.http.Deadline;
import io.jenkins.plugins.exotoken.core.http.ExchangeFailure;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryAfter;
import io.jenkins.plugins.exotoken.core.http.RetryLoop;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.http.TransientFailure;
import io.jenkins.plugins.exotoken.core.input.BaseUrl;
import io.jenkins.plugins.exotoken.core.redact.Redactor;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one secret over Key Vault's REST API ({@code GET /secrets/NAME[/VERSION]?api-version=7.4}), the only
 * endpoint needed: certificates are read through their backing secret, which carries the private key.
 *
 * <p>The bearer token goes only to the reference's vault host, which {@link KeyVaultReference} checked
 * against the cloud's vault suffix; redirects are not followed.
 */
final class KeyVaultClient {

    static final String API_VERSION = "7.4";

    private static final Pattern CHALLENGE_RESOURCE = Pattern.compile("resource=\"([^\"]*)\"");
    private static final Pattern CHALLENGE_AUTHORITY = Pattern.compile("authorization=\"([^\"]*)\"");

    private final BoundedExchange exchange;
    private final HttpSettings settings;
    private final RetryLoop retries;
    private final Clock clock;

    KeyVaultClient(HttpSettings settings, RetryPolicy retryPolicy, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.exchange = new BoundedExchange(settings.newHttpClient());
        this.retries = new RetryLoop(retryPolicy, settings.readTimeout());
    }

    /** The most one {@link #read} takes. */
    Duration budget() {
        return retries.budget();
    }

    /**
     * Reads a secret, retrying 429, 5xx and no answer within the retry budget.
     *
     * @param what the read, for messages: e.g. {@code Reading Key Vault secret 'x' in …}
     * @throws ServiceUnavailableException when the vault cannot be reached or keeps failing
     */
    VaultSecret read(String what, KeyVaultReference reference, AccessToken token, VaultAccess access)
            throws ExoTokenException, InterruptedException {
        return retries.run(deadline -> get(reference, token, access, deadline),
                exhausted -> new ServiceUnavailableException(what + " " + exhausted.sentence()
                        + " Try again later; if it persists check network access to " + reference.vaultUrl()
                        + " (proxy, firewall).", exhausted.last().getCause()));
    }

    /**
     * One attempt, ended at the read timeout or the deadline, whichever comes first.
     *
     * @param access names the reader in messages
     * @throws TransientFailure for 429, 5xx and no complete answer, to be retried
     */
    VaultSecret get(KeyVaultReference reference, AccessToken token, VaultAccess access, Deadline deadline)
            throws ExoTokenException, TransientFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(reference.secretUri(API_VERSION))
                .timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .GET()
                .build();
        Answer response;
        try {
            response = exchange.send(request, deadline.cap(settings.readTimeout()));
        } catch (ExchangeFailure e) {
            switch (e.kind()) {
                case UNKNOWN_HOST:
                    throw new ServiceUnavailableException(reference.describe() + ": " + e.getMessage()
                            + ": check the name, DNS or proxy.", e);
                case TLS:
                    throw new ServiceUnavailableException(reference.describe() + ": " + e.getMessage()
                            + ": check the proxy and that the JVM trusts the server's certificate.", e);
                case TOO_LARGE:
                    throw new VaultRefusedException(reference.describe() + ": " + e.getMessage()
                            + "; a Key Vault secret is at most 25 KB: is the URL a Key Vault, or a proxy in between?",
                            e.status(), "AnswerTooLarge");
                default:
                    throw new TransientFailure(e.getMessage(), null, e);
            }
        }
        int status = response.status();
        if (response.worthRetrying()) {
            throw new TransientFailure("Key Vault answered HTTP " + status + (response.isJson() ? ""
                    : " with " + response.bodyKind() + ", not Key Vault's JSON: a proxy or gateway in between?"),
                    RetryAfter.parse(response.headers().map(), clock), null);
        }
        if (status == 200) {
            return parse(reference, response);
        }
        throw refusal(reference, access, response.response());
    }

    /**
     * The vault's refusal as one message. Everything the vault (or a proxy) said is redacted first: one that
     * echoes the request would otherwise put the bearer token into the message.
     */
    private static VaultRefusedException refusal(KeyVaultReference reference, VaultAccess access,
            HttpResponse<String> response) {
        String vaultResource = reference.vaultResource();
        int status = response.statusCode();
        Redactor redactor = sentSecrets(response.request());
        VaultError error = VaultError.parse(response.body(), redactor);
        String said = error.message().isEmpty() ? "HTTP " + status : error.code() + ": " + error.message();
        String what = reference.describe();
        return switch (status) {
            case 401 -> {
                String challenge = redactor.redact(response.headers().firstValue("WWW-Authenticate").orElse(""));
                String resource = find(CHALLENGE_RESOURCE, challenge);
                if (resource != null && !sameResource(resource, vaultResource)) {
                    yield new VaultRefusedException("Key Vault at " + reference.vaultUrl() + " asks for a token for '"
                            + resource + "', not for " + vaultResource + ": a vault never does, so no token was sent"
                            + " for it; check that the URL is the vault's.", status, "ChallengeResourceMismatch");
                }
                String authority = find(CHALLENGE_AUTHORITY, challenge);
                yield new VaultRefusedException("Key Vault refused the token of " + access.describe() + " for "
                        + what + " (" + said + ")" + (authority == null ? "" : "; the vault's tenant is " + authority)
                        + ". Hint: the vault-reading identity must belong to the vault's tenant.", status,
                        error.innermostCode());
            }
            case 403 -> {
                if ("SecretDisabled".equalsIgnoreCase(error.innerCode())) {
                    yield new VaultRefusedException(what + " is disabled (" + said + "): enable it, or reference"
                            + " another version.", status, "SecretDisabled");
                }
                yield new VaultRefusedException(access.describe() + " may not read " + what + " (" + said + ")."
                        + " Hint: grant it the 'Key Vault Secrets User' role on the vault (Azure RBAC), or an access"
                        + " policy with the secret permission 'Get' — certificates are read through their secret too.",
                        status, error.innermostCode());
            }
            case 404 -> new VaultRefusedException(what + " was not found (" + said + "): check the name"
                    + (reference.version() == null ? "" : " and the version") + ", and that it was not deleted.",
                    status, error.innermostCode());
            default -> new VaultRefusedException("Key Vault refused to read " + what + " (" + said + ").", status,
                    error.innermostCode());
        };
    }

    /** Masks the request's bearer token (whatever its shape) and anything token-shaped. */
    private static Redactor sentSecrets(HttpRequest request) {
        String authorization = request.headers().firstValue("Authorization").orElse("");
        int space = authorization.indexOf(' ');
        return Redactor.tokenShapes().withToken(space < 0 ? authorization : authorization.substring(space + 1));
    }

    private static boolean sameResource(String challenged, String expected) {
        return BaseUrl.withoutTrailingSlashes(challenged).equalsIgnoreCase(BaseUrl.withoutTrailingSlashes(expected));
    }

    private static @Nullable String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** A success that is not a secret is not an outage: a refusal, so that no stale copy stands in for it. */
    private static VaultSecret parse(KeyVaultReference reference, Answer answer) throws VaultRefusedException {
        if (!answer.isJson()) {
            throw new VaultRefusedException(reference.describe() + ": Key Vault at " + reference.vaultUrl()
                    + " answered HTTP 200 with " + answer.bodyKind() + ", not Key Vault's JSON: is the URL a Key"
                    + " Vault, or a proxy or gateway in between?", 200, "UnreadableAnswer");
        }
        Map<String, Object> json;
        try (JsonReader reader = JsonProviders.createReader(answer.body())) {
            reader.nextToken();
            json = reader.readMap(JsonReader::readUntyped);
        } catch (IOException | RuntimeException e) {
            json = null;
        }
        if (json == null) {
            throw new VaultRefusedException(reference.describe() + ": Key Vault at " + reference.vaultUrl()
                    + " answered HTTP 200 with JSON that is not a secret: is the URL a Key Vault?", 200,
                    "UnreadableAnswer");
        }
        Object value = json.get("value");
        if (!(value instanceof String text)) {
            throw new VaultRefusedException("Key Vault's answer for " + reference.describe() + " has no value: is the"
                    + " URL a Key Vault?", 200, "UnreadableAnswer");
        }
        Map<?, ?> attributes = json.get("attributes") instanceof Map<?, ?> m ? m : Map.of();
        return new VaultSecret(
                String.valueOf(json.getOrDefault("id", "")),
                SecretValue.of(text),
                json.get("contentType") instanceof String ct ? ct.trim().toLowerCase(Locale.ROOT) : null,
                !Boolean.FALSE.equals(attributes.get("enabled")),
                epoch(attributes.get("nbf")).orElse(null),
                epoch(attributes.get("exp")).orElse(null));
    }

    private static Optional<Instant> epoch(Object value) {
        return value instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue())) : Optional.empty();
    }

    /** Key Vault's error body: {@code {"error":{"code":…,"message":…,"innererror":{"code":…}}}}. */
    private record VaultError(String code, String message, @Nullable String innerCode) {

        /** The error in {@code body}, its texts redacted; empty when the body is not Key Vault's error JSON. */
        static VaultError parse(@Nullable String body, Redactor redactor) {
            try (JsonReader reader = JsonProviders.createReader(body == null || body.isBlank() ? "{}" : body)) {
                reader.nextToken();
                Map<String, Object> json = reader.readMap(JsonReader::readUntyped);
                if (json.get("error") instanceof Map<?, ?> error) {
                    String inner = error.get("innererror") instanceof Map<?, ?> ie && ie.get("code") != null
                            ? String.valueOf(ie.get("code")) : null;
                    String message = error.get("message") == null ? "" : String.valueOf(error.get("message"));
                    return new VaultError(redactor.redact(String.valueOf(error.get("code"))),
                            firstLine(redactor.redact(message)), redactor.redact(inner));
                }
            } catch (IOException | RuntimeException e) {
                // not JSON: a proxy's page, say; the status alone will do
            }
            return new VaultError("", "", null);
        }

        String innermostCode() {
            return innerCode != null ? innerCode : code;
        }

        private static String firstLine(String message) {
            String text = message.strip();
            String line = text.lines().findFirst().orElse("");
            return line.length() > 400 ? line.substring(0, 400) + "…" : line;
        }
    }
}
