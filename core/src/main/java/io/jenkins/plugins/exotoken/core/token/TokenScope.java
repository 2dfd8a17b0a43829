package io.jenkins.plugins.exotoken.core.token;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.input.BaseUrl;
import io.jenkins.plugins.exotoken.core.input.Guid;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one {@code <resource>/.default} scope an app-only token is requested for: app-only tokens carry the
 * application permissions granted to the app on that resource, so the client-credentials flow accepts
 * exactly one resource and only its {@code .default} scope.
 *
 * @param value e.g. {@code https://outlook.office365.com/.default}
 */
public record TokenScope(String value) {

    private static final String DEFAULT_SUFFIX = "/.default";

    /** Names accepted by {@link #forResource}. */
    public static final String EXCHANGE = "exchange";
    public static final String GRAPH = "graph";
    public static final String KEY_VAULT = "keyvault";

    public TokenScope {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The scope of a named resource in a cloud ({@code exchange}, {@code graph}, {@code keyvault}), or of a
     * resource given by its URL or application ID URI (e.g. {@code https://contoso.sharepoint.com}).
     *
     * @throws InvalidInputException for an unknown name
     */
    public static TokenScope forResource(Cloud cloud, @Nullable String resource) throws InvalidInputException {
        String name = resource == null || resource.isBlank() ? EXCHANGE : resource.trim();
        Printable.requireOneLine("Resource", name);
        switch (name.toLowerCase(Locale.ROOT)) {
            case EXCHANGE:
                return new TokenScope(cloud.exchangeResource() + DEFAULT_SUFFIX);
            case GRAPH:
                return new TokenScope(cloud.graphResource() + DEFAULT_SUFFIX);
            case KEY_VAULT:
                return new TokenScope("https://" + cloud.keyVaultSuffix() + DEFAULT_SUFFIX);
            default:
                if (name.contains("://") || Guid.matches(name)) {
                    return of(BaseUrl.withoutTrailingSlashes(name) + DEFAULT_SUFFIX);
                }
                throw new InvalidInputException("Unknown resource " + Printable.quote(name) + ": use exchange, graph, keyvault,"
                        + " a resource URL such as https://contoso.sharepoint.com, or an explicit scope ending in"
                        + " /.default.");
        }
    }

    /**
     * An explicit scope; it must name one resource and end in {@code /.default}.
     *
     * @throws InvalidInputException naming the expected form
     */
    public static TokenScope of(@Nullable String scope) throws InvalidInputException {
        String s = scope == null ? "" : scope.trim();
        Printable.requireOneLine("Scope", s);
        String shown = Printable.quote(s);
        if (s.contains(" ") || s.contains(",")) {
            throw new InvalidInputException("Scope " + shown + " names several scopes; an app-only token is for one"
                    + " resource: give one scope ending in /.default.");
        }
        if (!s.endsWith(DEFAULT_SUFFIX) || s.length() == DEFAULT_SUFFIX.length()) {
            throw new InvalidInputException("Scope " + shown + " does not end in /.default; app-only tokens use the"
                    + " resource's .default scope, e.g. https://outlook.office365.com/.default.");
        }
        String resource = s.substring(0, s.length() - DEFAULT_SUFFIX.length());
        if (!Guid.matches(resource)) {
            try {
                URI uri = new URI(resource);
                if (uri.getScheme() == null || (uri.getHost() == null && !"api".equals(uri.getScheme()))) {
                    throw new InvalidInputException("Scope " + shown + " does not start with a resource URL or"
                            + " application ID URI (https://… or api://…).");
                }
            } catch (java.net.URISyntaxException e) {
                throw new InvalidInputException("Scope " + shown + " is not a valid URI.");
            }
        }
        return new TokenScope(s);
    }

    /** The resource part, without {@code /.default}. */
    public String resource() {
        return value.substring(0, value.length() - DEFAULT_SUFFIX.length());
    }

    @Override
    public String toString() {
        return value;
    }
}
