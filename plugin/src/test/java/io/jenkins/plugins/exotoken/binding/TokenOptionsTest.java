package io.jenkins.plugins.exotoken.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenOptionsTest {

    @Test
    void withoutResourceOrScopeTheTokenIsForExchangeOnlineOfTheCredentialsCloud() throws Exception {
        TokenOptions options = new TokenOptions(" exo-app ", "", " ", null, false, false, null);

        assertThat(options.credentialsId()).isEqualTo("exo-app");
        assertThat(options.tokenScope(Cloud.US_GOV_DOD).value()).isEqualTo("https://webmail.apps.mil/.default");
        assertThat(options.variable()).isEqualTo("EXO_ACCESS_TOKEN");
        assertThat(options.minimumValidity()).isNull();
    }

    @Test
    void aResourceAndAScopeTogetherAreRefused() {
        TokenOptions options = new TokenOptions("exo-app", "graph", "https://graph.microsoft.com/.default", null,
                false, false, null);

        assertThatThrownBy(() -> options.tokenScope(Cloud.GLOBAL)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Give either resource 'graph' or scope 'https://graph.microsoft.com/.default', not both:"
                        + " a token is for one resource.");
    }

    @Test
    void theChecksAreCoresForVariableAndMinimumValidity() throws Exception {
        assertThatThrownBy(new TokenOptions("exo-app", null, null, "PATH", false, false, null)::check)
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("PATH");
        assertThatThrownBy(new TokenOptions("exo-app", null, null, null, false, false, 31)::check)
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(new TokenOptions("", null, null, null, false, false, null)::check)
                .hasMessageContaining("credentialsId is missing");
        assertThat(new TokenOptions("exo-app", null, null, "GRAPH_TOKEN", false, false, 20).minimumValidity()
                .requested()).isEqualTo(Duration.ofMinutes(20));
    }
}
