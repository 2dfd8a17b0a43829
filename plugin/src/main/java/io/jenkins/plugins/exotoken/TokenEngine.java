package io.jenkins.plugins.exotoken;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.init.Terminator;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultSecrets;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The controller's one token service and Key Vault reader. Every build, form and monitor shares them, so a cached
 * token or vault object serves them all, and concurrent builds of one app cause one call to Entra ID.
 */
public final class TokenEngine {

    /** By whether Jenkins' proxy asks for a password: see {@link JenkinsProxySelector#liveHttpSettings}. */
    private static final Map<Boolean, TokenEngine> ENGINES = new HashMap<>();

    private static TokenEngine replaced;

    private final Clock clock;
    private final TokenService tokens;
    private final KeyVaultSecrets vault;

    TokenEngine(HttpSettings settings, Clock clock) {
        this.clock = clock;
        this.tokens = new TokenService(settings, RetryPolicy.defaults(), clock);
        this.vault = new KeyVaultSecrets(tokens, settings, RetryPolicy.defaults(), clock,
                KeyVaultSecrets.DEFAULT_CACHE_PERIOD);
    }

    /**
     * The engine of this controller, built on first use with Jenkins' proxy settings. Connections follow the proxy
     * configuration as it is at each request; only whether the proxy takes a user name and password picks another
     * engine (each with its own cache), which happens when an administrator adds or removes proxy credentials.
     */
    @NonNull
    public static synchronized TokenEngine get() {
        if (replaced != null) {
            return replaced;
        }
        return ENGINES.computeIfAbsent(JenkinsProxySelector.proxyAsksForPassword(),
                withPassword -> new TokenEngine(JenkinsProxySelector.liveHttpSettings(withPassword),
                        Clock.systemUTC()));
    }

    /**
     * Puts another engine in place, e.g. one that trusts a test simulator's CA; the plugin itself never calls it.
     *
     * @return the engine that was in place, or {@code null}
     */
    static synchronized TokenEngine replace(TokenEngine engine) {
        TokenEngine previous = replaced;
        replaced = engine;
        return previous;
    }

    /** App-only and managed-identity tokens, cached and single-flight. */
    @NonNull
    public TokenService tokens() {
        return tokens;
    }

    /** Key Vault references, read with tokens of {@link #tokens()}. */
    @NonNull
    public KeyVaultSecrets vault() {
        return vault;
    }

    /** What "now" is for certificate checks and caches. */
    @NonNull
    public Clock clock() {
        return clock;
    }

    /** Stops the engine's threads when Jenkins shuts down. */
    @Terminator
    public static synchronized void shutDown() {
        for (TokenEngine engine : ENGINES.values()) {
            engine.vault.close();
            engine.tokens.close();
        }
        ENGINES.clear();
    }
}
