package io.jenkins.plugins.exotoken;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jenkins.model.Jenkins;

/**
 * Routes core's requests the way Jenkins' own HTTP proxy configuration says, so token and Key Vault calls go
 * through the proxy an administrator set in Jenkins rather than the JVM's system properties.
 *
 * <p>The no-proxy decision is Jenkins' own ({@link ProxyConfiguration#createProxy(String)}), taken per request
 * host, so what Jenkins sends direct, this plugin sends direct too. As for Jenkins itself, Basic proxy
 * authentication of HTTPS tunnels also needs the JVM to allow it ({@code jdk.http.auth.tunneling.disabledSchemes}).
 */
public final class JenkinsProxySelector extends ProxySelector {

    private final ProxyConfiguration proxy;

    JenkinsProxySelector(@NonNull ProxyConfiguration proxy) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
    }

    /**
     * Core's HTTP settings for a request made now on the controller. Read per use, not cached, so a proxy change
     * in Jenkins applies to the next token request.
     *
     * @throws IllegalStateException when Jenkins is not running (e.g. on an agent)
     */
    @NonNull
    public static HttpSettings httpSettings() {
        return httpSettings(Jenkins.get().getProxy(), HttpSettings.defaults());
    }

    /**
     * Core's HTTP settings for a service that lives as long as the controller: the proxy is looked up in Jenkins'
     * configuration on every connection, so a proxy an administrator changes later applies to the next request.
     *
     * @param withPassword whether to answer proxy challenges with the password Jenkins holds at that moment. Only
     *     then is the client given an authenticator: with one, the JDK's client turns a 401 that has no
     *     {@code WWW-Authenticate} header (how Entra ID refuses a wrong secret or an unknown certificate) into an
     *     {@code IOException} and the refusal's text is lost.
     */
    @NonNull
    static HttpSettings liveHttpSettings(boolean withPassword) {
        return HttpSettings.defaults().withProxy(new LiveSelector(), withPassword ? new LiveAuthenticator() : null);
    }

    /** Whether Jenkins' proxy is configured with a user name (and so a password to answer its challenges with). */
    static boolean proxyAsksForPassword() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        return proxy != null && proxy.getName() != null && proxy.getUserName() != null;
    }

    /**
     * {@code base} with Jenkins' proxy, or {@code base} itself when Jenkins has none: Jenkins' own HTTP client then
     * sets no proxy either, leaving the JVM's default selector in charge.
     */
    @NonNull
    static HttpSettings httpSettings(@CheckForNull ProxyConfiguration proxy, @NonNull HttpSettings base) {
        if (proxy == null || proxy.getName() == null) {
            return base;
        }
        Authenticator authenticator = proxy.getUserName() == null ? null : new ProxyAuthenticator(proxy);
        return base.withProxy(new JenkinsProxySelector(proxy), authenticator);
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            // ProxySelector's contract for a URI it cannot route.
            throw new IllegalArgumentException("no scheme or host in " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            // Jenkins' proxy is an HTTP proxy; other connections (raw sockets, FTP) never used it.
            return List.of(Proxy.NO_PROXY);
        }
        // Host names are case-insensitive while no-proxy patterns are matched as typed (lower case, in practice);
        // Jenkins' own HTTP client lowers the host the same way.
        return List.of(proxy.createProxy(uri.getHost().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (uri == null || sa == null || ioe == null) {
            throw new IllegalArgumentException("connectFailed needs uri, address and exception");
        }
        // Jenkins configures a single proxy: there is no other one to fall back to.
    }

    /** Routes each connection by Jenkins' proxy configuration at that moment; without one, as the JVM would. */
    private static final class LiveSelector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            ProxyConfiguration proxy = Jenkins.get().getProxy();
            if (proxy == null || proxy.getName() == null) {
                ProxySelector jvm = ProxySelector.getDefault();
                return jvm == null ? List.of(Proxy.NO_PROXY) : jvm.select(uri);
            }
            return new JenkinsProxySelector(proxy).select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // Jenkins configures a single proxy: there is no other one to fall back to.
        }
    }

    /** Answers proxy challenges with the credentials Jenkins' proxy configuration holds at that moment. */
    private static final class LiveAuthenticator extends Authenticator {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            ProxyConfiguration proxy = Jenkins.get().getProxy();
            if (proxy == null || proxy.getName() == null || proxy.getUserName() == null) {
                return null;
            }
            return new ProxyAuthenticator(proxy).requestPasswordAuthenticationInstance(getRequestingHost(),
                    getRequestingSite(), getRequestingPort(), getRequestingProtocol(), getRequestingPrompt(),
                    getRequestingScheme(), getRequestingURL(), getRequestorType());
        }
    }

    /**
     * Answers only the configured proxy's own challenges, so the proxy password never goes to a token endpoint,
     * a vault, or whatever a redirect leads to. The password is read when asked for, never kept in plain text.
     */
    private static final class ProxyAuthenticator extends Authenticator {

        private final ProxyConfiguration proxy;

        ProxyAuthenticator(ProxyConfiguration proxy) {
            this.proxy = proxy;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            String userName = proxy.getUserName();
            if (getRequestorType() != RequestorType.PROXY
                    || userName == null
                    || !proxy.getName().equalsIgnoreCase(getRequestingHost())) {
                return null;
            }
            Secret password = proxy.getSecretPassword();
            return new PasswordAuthentication(
                    userName, password == null ? new char[0] : password.getPlainText().toCharArray());
        }
    }
}
