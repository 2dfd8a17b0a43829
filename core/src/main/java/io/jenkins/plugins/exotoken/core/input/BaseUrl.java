package io.jenkins.plugins.exotoken.core.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The form of a service's address as configured (a login host, a resource, a vault): an {@code https} URL
 * with a host and at most a port, no path, query, fragment or user info. A trailing slash is tolerated on input.
 */
public final class BaseUrl {

    private BaseUrl() {}

    /**
     * Parses a base URL as typed: surrounding whitespace and trailing slashes are dropped.
     *
     * @return the URL, or empty when the text is not an https base URL (including a port outside 1–65535)
     */
    public static Optional<URI> parseHttps(@Nullable String text) {
        String trimmed = withoutTrailingSlashes(text == null ? "" : text.trim());
        try {
            URI uri = new URI(trimmed);
            return isHttps(uri) ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether the URL is an https base URL: a host, a valid port if any, and nothing after it. */
    public static boolean isHttps(@Nullable URI uri) {
        return uri != null && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65_535))
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
    }

    /** The text without the slashes it ends with: {@code https://contoso.sharepoint.com/} is the resource itself. */
    public static String withoutTrailingSlashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }
}
