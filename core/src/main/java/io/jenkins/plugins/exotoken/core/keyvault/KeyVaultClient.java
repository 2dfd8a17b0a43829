package io.jenkins.plugins.exotoken.core.keyvault;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.VaultRefusedException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryAfter;
import io.jenkins.plugins.exotoken.core.http.TransientFailure;
import io.jenkins.plugins.exotoken.core.redact.Redactor;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

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

    private final HttpClient client;
    private final HttpSettings settings;
    private final Clock clock;

    KeyVaultClient(HttpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = settings.newHttpClient();
    }

    /**
     * @param access names the reader in messages
     * @throws TransientFailure for 429, 5xx and transport failures, to be retried
     */
    VaultSecret get(KeyVaultReference reference, AccessToken token, VaultAccess access)
            throws ExoTokenException, TransientFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(reference.secretUri(API_VERSION))
                .timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (UnknownHostException e) {
            throw new ServiceUnavailableException("The vault host " + reference.vaultUrl().getHost() + " is unknown:"
                    + " check the vault name in " + reference.vaultUrl() + ".", e);
        } catch (SSLException e) {
            throw new ServiceUnavailableException("TLS with " + reference.vaultUrl() + " failed (" + e.getMessage()
                    + "): check the proxy and that the JVM trusts the server's certificate.", e);
        } catch (IOException e) {
            throw new TransientFailure("no answer from " + reference.vaultUrl().getHost() + ": "
                    + e.getClass().getSimpleName(), null, e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return parse(reference, response.body());
        }
        if (status == 429 || status >= 500) {
            throw new TransientFailure("Key Vault answered HTTP " + status,
                    RetryAfter.parse(response.headers().map(), clock), null);
        }
        throw refusal(reference, access, response);
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
        return trimSlash(challenged).equalsIgnoreCase(trimSlash(expected));
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static VaultSecret parse(KeyVaultReference reference, String body) throws ServiceUnavailableException {
        Map<String, Object> json;
        try (JsonReader reader = JsonProviders.createReader(body)) {
            reader.nextToken();
            json = reader.readMap(JsonReader::readUntyped);
        } catch (IOException | RuntimeException e) {
            throw new ServiceUnavailableException("Key Vault at " + reference.vaultUrl() + " answered with something"
                    + " that is not a secret (not JSON): is the URL a Key Vault?", null);
        }
        Object value = json.get("value");
        if (!(value instanceof String text)) {
            throw new ServiceUnavailableException("Key Vault's answer for " + reference.describe() + " has no value.",
                    null);
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
    private record VaultError(String code, String message, String innerCode) {

        /** The error in {@code body}, its texts redacted; empty when the body is not Key Vault's error JSON. */
        static VaultError parse(String body, Redactor redactor) {
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
