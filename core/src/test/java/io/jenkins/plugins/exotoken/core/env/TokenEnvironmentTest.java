package io.jenkins.plugins.exotoken.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenEnvironmentTest {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJyb2xlcyI6W119.c2lnbmF0dXJl";

    @Test
    void carriesTokenAndWhatConnectExchangeOnlineNeeds() throws Exception {
        AppIdentity identity = AppIdentity.of("11111111-2222-3333-4444-555555555555",
                "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "contoso.onmicrosoft.com", Cloud.US_GOV_GCC_HIGH);
        AccessToken token = new AccessToken(TOKEN, "Bearer", Instant.parse("2026-11-26T11:22:33.456Z"),
                TokenScope.forResource(Cloud.US_GOV_GCC_HIGH, "exchange"));

        TokenEnvironment environment = TokenEnvironment.of(identity, token, null);

        assertThat(environment.variables()).containsExactly(
                org.assertj.core.api.Assertions.entry("EXO_ACCESS_TOKEN", TOKEN),
                org.assertj.core.api.Assertions.entry("EXO_TOKEN_EXPIRES_ON", "2026-11-26T11:22:33Z"),
                org.assertj.core.api.Assertions.entry("EXO_ORGANIZATION", "contoso.onmicrosoft.com"),
                org.assertj.core.api.Assertions.entry("EXO_APP_ID", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
                org.assertj.core.api.Assertions.entry("EXO_TENANT_ID", "11111111-2222-3333-4444-555555555555"),
                org.assertj.core.api.Assertions.entry("EXO_ENVIRONMENT_NAME", "O365USGovGCCHigh"));
        assertThat(environment.sensitive()).containsExactly("EXO_ACCESS_TOKEN");
        assertThat(environment.toString()).doesNotContain(TOKEN);
        assertThat(token.toString()).doesNotContain(TOKEN);
    }

    @Test
    void theTokenVariableCanBeRenamedToAValidName() throws Exception {
        AppIdentity identity = AppIdentity.of("11111111-2222-3333-4444-555555555555",
                "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "contoso.onmicrosoft.com", Cloud.GLOBAL);
        AccessToken token = new AccessToken(TOKEN, "Bearer", Instant.parse("2026-11-26T11:22:33.456Z"),
                TokenScope.forResource(Cloud.GLOBAL, "graph"));

        TokenEnvironment renamed = TokenEnvironment.of(identity, token, "GRAPH_TOKEN");
        assertThat(renamed.variables()).containsEntry("GRAPH_TOKEN", TOKEN).doesNotContainKey("EXO_ACCESS_TOKEN");
        assertThat(renamed.sensitive()).containsExactly("GRAPH_TOKEN");
        assertThatThrownBy(() -> TokenEnvironment.of(identity, token, "1BAD-NAME"))
                .hasMessageContaining("is not a valid environment variable name");
    }
}
