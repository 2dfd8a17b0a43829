package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultSecrets;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void theKeyVaultServiceIsBuiltOnlyWhenARunAsksForItAndThenOnce() {
        AtomicInteger built = new AtomicInteger();
        HttpSettings settings = HttpSettings.defaults();
        KeyVaultSecrets vault;
        try (Engine engine = new Engine(new TokenService(settings), tokens -> {
            built.incrementAndGet();
            return new KeyVaultSecrets(tokens, settings, RetryPolicy.defaults(), Clock.systemUTC(),
                    KeyVaultSecrets.DEFAULT_CACHE_PERIOD);
        })) {
            assertThat(engine.tokens()).isNotNull();
            assertThat(built).hasValue(0);

            vault = engine.vault();
            assertThat(engine.vault()).isSameAs(vault);
            assertThat(built).hasValue(1);
        }
    }
}
