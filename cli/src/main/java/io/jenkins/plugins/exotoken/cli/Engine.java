package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultSecrets;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Clock;

/**
 * The core services one CLI run needs, with the defaults a person at a terminal expects.
 *
 * @param tokens app-only and managed-identity tokens
 * @param vault Key Vault references, read with tokens from {@code tokens}
 */
record Engine(TokenService tokens, KeyVaultSecrets vault) implements AutoCloseable {

    static Engine start(HttpSettings settings) {
        TokenService tokens = new TokenService(settings);
        return new Engine(tokens, new KeyVaultSecrets(tokens, settings, RetryPolicy.defaults(), Clock.systemUTC(),
                KeyVaultSecrets.DEFAULT_CACHE_PERIOD));
    }

    @Override
    public void close() {
        vault.close();
        tokens.close();
    }
}
