package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultSecrets;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Clock;
import java.util.function.Function;

/**
 * The core services one CLI run needs, with the defaults a person at a terminal expects. The Key Vault service
 * is built only when a run reads a vault: most runs use a certificate or a client secret.
 */
final class Engine implements AutoCloseable {

    private final TokenService tokens;
    private final Function<TokenService, KeyVaultSecrets> vaultFactory;
    private KeyVaultSecrets vault;

    Engine(TokenService tokens, Function<TokenService, KeyVaultSecrets> vaultFactory) {
        this.tokens = tokens;
        this.vaultFactory = vaultFactory;
    }

    static Engine start(HttpSettings settings) {
        return new Engine(new TokenService(settings), tokens -> new KeyVaultSecrets(tokens, settings,
                RetryPolicy.defaults(), Clock.systemUTC(), KeyVaultSecrets.DEFAULT_CACHE_PERIOD));
    }

    /** App-only and managed-identity tokens. */
    TokenService tokens() {
        return tokens;
    }

    /** Key Vault references, read with tokens from {@link #tokens()}; built on first use. */
    synchronized KeyVaultSecrets vault() {
        if (vault == null) {
            vault = vaultFactory.apply(tokens);
        }
        return vault;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (vault != null) {
                vault.close();
            }
        }
        tokens.close();
    }
}
