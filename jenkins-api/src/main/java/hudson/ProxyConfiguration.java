package hudson;

import hudson.util.Secret;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.regex.Pattern;

/**
 * Compile-only declaration of Jenkins' HTTP proxy configuration (jenkinsci/jenkins core).
 *
 * <p>{@link #createProxy(String)} keeps upstream's observable rule so unit tests can rely on it: a host matching
 * one of the no-proxy entries (separated by blanks, commas or {@code |}; {@code *} is a wildcard, the rest is
 * literal, the whole host must match) goes direct, any other host through the proxy.
 */
public final class ProxyConfiguration {

    private final String name;
    private final int port;
    private final String userName;
    private final Secret secretPassword;
    private final String noProxyHost;

    public ProxyConfiguration(String name, int port, String userName, String password, String noProxyHost) {
        this.name = blankToNull(name);
        this.port = port;
        this.userName = blankToNull(userName);
        String pw = blankToNull(password);
        this.secretPassword = pw == null ? null : Secret.fromString(pw);
        this.noProxyHost = blankToNull(noProxyHost);
    }

    public String getName() {
        return name;
    }

    public String getUserName() {
        return userName;
    }

    public Secret getSecretPassword() {
        return secretPassword;
    }

    public Proxy createProxy(String host) {
        if (host != null && noProxyHost != null) {
            for (String entry : noProxyHost.split("[\\s,|]+")) {
                if (!entry.isEmpty() && Pattern.matches(wildcardToRegex(entry), host)) {
                    return Proxy.NO_PROXY;
                }
            }
        }
        // Upstream resolves the proxy's name here; unresolved keeps unit tests off DNS and compares the same.
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(name, port));
    }

    private static String wildcardToRegex(String entry) {
        StringBuilder regex = new StringBuilder();
        String[] literals = entry.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literals[i]));
        }
        return regex.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
