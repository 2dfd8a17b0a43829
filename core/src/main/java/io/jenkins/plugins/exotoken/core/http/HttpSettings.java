package io.jenkins.plugins.exotoken.core.http;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * How core reaches remote services: timeouts, proxy and TLS trust.
 *
 * <p>The plugin fills the proxy from Jenkins' proxy configuration, the CLI from the JVM's standard
 * {@code https.proxyHost}/{@code https.nonProxyHosts} properties, tests from a loopback test CA.
 *
 * <p>Every remote operation has one overall deadline derived from the read timeout: each attempt may take at
 * most the read timeout, from sending the request to the last byte of the answer (body included), and the
 * operation at most its {@link RetryPolicy#budget budget} ({@code attempts × readTimeout + waiting}). Answers are
 * read up to {@link BoundedExchange#DEFAULT_BODY_CAP}.
 *
 * @param connectTimeout time allowed to open a connection (within the read timeout)
 * @param readTimeout time allowed for one attempt: request sent, headers and whole body received
 * @param proxySelector where requests go; {@link ProxySelector#getDefault()} honours the JVM properties
 * @param proxyAuthenticator credentials for an authenticating proxy, or {@code null}
 * @param sslContext trust for TLS, or {@code null} for the JVM default (which honours {@code javax.net.ssl.trustStore})
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        ProxySelector proxySelector,
        @Nullable Authenticator proxyAuthenticator,
        @Nullable SSLContext sslContext) {

    /** Connect timeout used unless a caller sets another. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read timeout (one attempt, body included) used unless a caller sets another. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public HttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(proxySelector, "proxySelector");
    }

    /** JVM defaults: system proxy properties, default trust store, default timeouts. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, ProxySelector.getDefault(), null, null);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read) {
        return new HttpSettings(connect, read, proxySelector, proxyAuthenticator, sslContext);
    }

    public HttpSettings withProxy(ProxySelector selector, @Nullable Authenticator authenticator) {
        return new HttpSettings(connectTimeout, readTimeout, selector, authenticator, sslContext);
    }

    public HttpSettings withSslContext(@Nullable SSLContext context) {
        return new HttpSettings(connectTimeout, readTimeout, proxySelector, proxyAuthenticator, context);
    }

    /**
     * A JDK client with these settings; it never follows redirects, so a bearer token goes only where a request
     * was addressed.
     */
    public HttpClient newHttpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .proxy(proxySelector)
                .followRedirects(HttpClient.Redirect.NEVER);
        authenticator().ifPresent(builder::authenticator);
        ssl().ifPresent(builder::sslContext);
        return builder.build();
    }

    public Optional<Authenticator> authenticator() {
        return Optional.ofNullable(proxyAuthenticator);
    }

    public Optional<SSLContext> ssl() {
        return Optional.ofNullable(sslContext);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
