package io.jenkins.plugins.exotoken.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudAndIdentityTest {

    @ParameterizedTest
    @CsvSource({
        "global,    https://login.microsoftonline.com, https://outlook.office365.com/.default, https://graph.microsoft.com/.default,            https://vault.azure.net/.default,          O365Default",
        "usgovhigh, https://login.microsoftonline.us,  https://outlook.office365.us/.default,  https://graph.microsoft.us/.default,             https://vault.usgovcloudapi.net/.default,  O365USGovGCCHigh",
        "usgovdod,  https://login.microsoftonline.us,  https://webmail.apps.mil/.default,      https://dod-graph.microsoft.us/.default,         https://vault.usgovcloudapi.net/.default,  O365USGovDoD",
        "china,     https://login.chinacloudapi.cn,    https://partner.outlook.cn/.default,    https://microsoftgraph.chinacloudapi.cn/.default, https://vault.azure.cn/.default,          O365China",
    })
    void namedCloudsResolveTheirEndpointsAndScopes(String name, String login, String exchange, String graph,
            String vault, String environment) throws Exception {
        Cloud cloud = Cloud.byName(name);

        assertThat(cloud.authorityHost()).hasToString(login);
        assertThat(TokenScope.forResource(cloud, "exchange").value()).isEqualTo(exchange);
        assertThat(TokenScope.forResource(cloud, null).value()).isEqualTo(exchange);
        assertThat(TokenScope.forResource(cloud, "Graph").value()).isEqualTo(graph);
        assertThat(TokenScope.forResource(cloud, "keyvault").value()).isEqualTo(vault);
        assertThat(cloud.exchangeEnvironmentName()).isEqualTo(environment);
        assertThat(Cloud.byName(environment)).isEqualTo(cloud);
        assertThat(cloud.authorityFor("contoso.onmicrosoft.com")).isEqualTo(login + "/contoso.onmicrosoft.com/");
    }

    @Test
    void unknownCloudNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> Cloud.byName("azure-germany"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("global, usgovhigh, usgovdod, china");
    }

    @Test
    void customCloudNeedsHttpsBaseUrls() throws Exception {
        Cloud custom = Cloud.custom("https://login.example.com/", "https://mail.example.com", "https://graph.example.com",
                "Vault.Example.Com", " ");
        assertThat(custom.authorityHost()).hasToString("https://login.example.com");
        assertThat(custom.keyVaultSuffix()).isEqualTo("vault.example.com");
        assertThat(custom.exchangeEnvironmentName()).isEqualTo("O365Default");

        assertThatThrownBy(() -> Cloud.custom("http://login.example.com", "https://a.b", "https://c.d", "v.e", null))
                .hasMessageContaining("authority host must be an https URL");
        assertThatThrownBy(() -> Cloud.custom("https://login.example.com/tenant", "https://a.b", "https://c.d", "v.e", null))
                .hasMessageContaining("no path");
        assertThatThrownBy(() -> Cloud.custom("https://l.example.com", "http://a.b", "https://c.d", "v.e", null))
                .hasMessageContaining("the Exchange resource must be an https URL");
        assertThatThrownBy(() -> Cloud.custom("https://l.example.com", "https://a.b", "http://c.d", "v.e", null))
                .hasMessageContaining("the Graph resource must be an https URL");
        assertThatThrownBy(() -> Cloud.custom("https://l.example.com", "https://a.b", "https://c.d", ".vault", null))
                .hasMessageContaining("Key Vault DNS suffix");
    }

    @Test
    void identityIsNormalizedAndValidated() throws Exception {
        AppIdentity identity = AppIdentity.of(" Contoso.OnMicrosoft.com ", "0E4D3B5A-1111-2222-3333-444455556666 ",
                "", Cloud.GLOBAL);
        assertThat(identity.tenant()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(identity.clientId()).isEqualTo("0e4d3b5a-1111-2222-3333-444455556666");
        assertThat(identity.organization()).isEqualTo("contoso.onmicrosoft.com");

        assertThatThrownBy(() -> AppIdentity.of("", "0e4d3b5a-1111-2222-3333-444455556666", null, Cloud.GLOBAL))
                .hasMessageContaining("Tenant is missing");
        assertThatThrownBy(() -> AppIdentity.of("common", "0e4d3b5a-1111-2222-3333-444455556666", null, Cloud.GLOBAL))
                .hasMessageContaining("cannot issue app-only tokens");
        assertThatThrownBy(() -> AppIdentity.of("contoso.com", "my-app", null, Cloud.GLOBAL))
                .hasMessageContaining("Application (client) id 'my-app' is not a GUID");
        assertThatThrownBy(() -> AppIdentity.of("contoso.com", "0e4d3b5a-1111-2222-3333-444455556666", "not a domain",
                        Cloud.GLOBAL))
                .hasMessageContaining("Organization 'not a domain' is not a domain");
    }

    @Test
    void scopesMustBeOneResourceDotDefault() throws Exception {
        assertThat(TokenScope.of("api://0e4d3b5a-1111-2222-3333-444455556666/.default").resource())
                .isEqualTo("api://0e4d3b5a-1111-2222-3333-444455556666");
        assertThat(TokenScope.of("00000002-0000-0ff1-ce00-000000000000/.default").value())
                .isEqualTo("00000002-0000-0ff1-ce00-000000000000/.default");
        assertThat(TokenScope.forResource(Cloud.GLOBAL, "https://contoso.sharepoint.com/").value())
                .isEqualTo("https://contoso.sharepoint.com/.default");

        assertThatThrownBy(() -> TokenScope.of("https://graph.microsoft.com/User.Read.All"))
                .hasMessageContaining("does not end in /.default");
        assertThatThrownBy(() -> TokenScope.of("https://a.com/.default https://b.com/.default"))
                .hasMessageContaining("names several scopes");
        assertThatThrownBy(() -> TokenScope.of("/.default")).hasMessageContaining("does not end in /.default");
        assertThatThrownBy(() -> TokenScope.forResource(Cloud.GLOBAL, "sharepoint"))
                .hasMessageContaining("Unknown resource 'sharepoint'");
    }
}
