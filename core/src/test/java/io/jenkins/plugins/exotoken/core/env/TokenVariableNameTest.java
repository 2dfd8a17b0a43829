package io.jenkins.plugins.exotoken.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the token's variable may be called. */
class TokenVariableNameTest {

    @Test
    void unsetMeansTheDefaultName() throws Exception {
        assertThat(TokenEnvironment.tokenVariable(null)).isEqualTo("EXO_ACCESS_TOKEN");
        assertThat(TokenEnvironment.tokenVariable(" GRAPH_TOKEN ")).isEqualTo("GRAPH_TOKEN");
        assertThat(TokenEnvironment.tokenVariable("EXO_ACCESS_TOKEN")).isEqualTo("EXO_ACCESS_TOKEN");
        assertThat(TokenEnvironment.tokenVariable("_t0ken")).isEqualTo("_t0ken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void anEmptyNameIsAnErrorNotTheDefault(String name) {
        assertThatThrownBy(() -> TokenEnvironment.tokenVariable(name)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Token variable name is empty: give a name such as GRAPH_TOKEN, or leave it unset for"
                        + " EXO_ACCESS_TOKEN.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1TOKEN", "MY-TOKEN", "MY TOKEN", "A=B", "TOKEN\nX", "TÖKEN"})
    void aNameMustBeAPortableVariableName(String name) {
        assertThatThrownBy(() -> TokenEnvironment.tokenVariable(name)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a valid environment variable name: use letters, digits and underscores")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXO_TOKEN_EXPIRES_ON", "EXO_ORGANIZATION", "EXO_APP_ID", "EXO_TENANT_ID",
        "EXO_ENVIRONMENT_NAME", "EXO_ACCESS_TOKEN_FILE", "EXO_CERTIFICATE_PATH", "EXO_CERTIFICATE_PASSWORD",
        "EXO_CERTIFICATE_THUMBPRINT", "exo_app_id"})
    void aNameSetBesideTheTokenIsRefused(String name) {
        assertThatThrownBy(() -> TokenEnvironment.tokenVariable(name)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("set beside the token: choose another name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "Path", "HOME", "SHELL", "IFS", "ENV", "BASH_ENV", "PS4", "LD_PRELOAD",
        "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS",
        "PYTHONPATH", "PYTHONSTARTUP", "NODE_OPTIONS", "PSModulePath", "DOTNET_STARTUP_HOOKS", "GIT_SSH_COMMAND",
        "GCONV_PATH", "PERL5OPT", "TMPDIR"})
    void aNameThatDecidesWhatAProcessLoadsOrRunsIsRefused(String name) {
        assertThatThrownBy(() -> TokenEnvironment.tokenVariable(name)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reads to decide what to load or run");
    }

    @Test
    void theEnvironmentRefusesACollidingTokenVariableInsteadOfReplacingAValue() throws Exception {
        AppIdentity identity = AppIdentity.of("11111111-2222-3333-4444-555555555555",
                "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "contoso.onmicrosoft.com", Cloud.GLOBAL);
        AccessToken token = new AccessToken("eyJ0eXAiOiJKV1QifQ.e30.c2ln", "Bearer", Instant.now(),
                TokenScope.forResource(Cloud.GLOBAL, "exchange"));

        assertThatThrownBy(() -> TokenEnvironment.of(identity, token, "EXO_ORGANIZATION"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TokenEnvironment.of(identity, token, ""))
                .isInstanceOf(InvalidInputException.class);
    }
}
