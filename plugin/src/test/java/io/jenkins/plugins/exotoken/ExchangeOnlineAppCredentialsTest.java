package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.source.AppCredentialVaultAccess;
import io.jenkins.plugins.exotoken.source.CertificateCredentialSource;
import io.jenkins.plugins.exotoken.source.ClientSecretCredentialSource;
import io.jenkins.plugins.exotoken.source.ClientSecretSource;
import io.jenkins.plugins.exotoken.source.KeyVaultSecretSource;
import io.jenkins.plugins.exotoken.source.SecretResolution;
import java.time.Clock;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExchangeOnlineAppCredentialsTest {

    private static TokenEngine previous;

    @BeforeAll
    static void engineWithoutJenkins() {
        // No Jenkins here to read a proxy from: core's defaults. Nothing in these tests reaches the network.
        previous = TokenEngine.replace(new TokenEngine(HttpSettings.defaults(), Clock.systemUTC()));
    }

    @AfterAll
    static void restoreEngine() {
        TokenEngine.replace(previous);
    }

    private static final String TENANT = "9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff";
    private static final String CLIENT = "0e4d3b5a-1111-2222-3333-444455556666";

    @Test
    void theIdentityIsCoresWithTheCredentialNamedInErrors() throws Exception {
        ExchangeOnlineAppCredentials app = app("exo-app", new ClientSecretSource(Secret.fromString("s3cret-value")));
        app.setCloud("USGOVHIGH");

        assertThat(app.identity().cloud()).isEqualTo(Cloud.US_GOV_GCC_HIGH);
        assertThat(app.identity().organization()).isEqualTo("contoso.onmicrosoft.com");

        ExchangeOnlineAppCredentials typo = new ExchangeOnlineAppCredentials(CredentialsScope.GLOBAL, "typo", null,
                "common", CLIENT, "contoso.onmicrosoft.com", new ClientSecretSource(Secret.fromString("x-secret")));
        assertThatThrownBy(typo::identity).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("credential 'typo': Tenant 'common' cannot issue app-only tokens");
    }

    @Test
    void aCustomCloudWithoutEndpointsSaysWhatToSet() {
        ExchangeOnlineAppCredentials app = app("exo-app", new ClientSecretSource(Secret.fromString("s3cret-value")));
        app.setCloud("custom");

        assertThatThrownBy(app::cloud).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credential 'exo-app'").hasMessageContaining("no endpoints are set");
    }

    @Test
    void aClientSecretFromASecretTextCredentialIsLookedUpWhereTheAppIsUsed() throws Exception {
        ExchangeOnlineAppCredentials app = app("exo-app", new ClientSecretCredentialSource("exo-secret-text"));
        MapCredentialContext folder = new MapCredentialContext().with(app, TestCredentials.secretText(
                "exo-secret-text", "Q~folder-secret-value"));

        var request = app.tokenRequest(folder, TokenScope.forResource(Cloud.GLOBAL, null), null);

        assertThat(((ClientSecret) request.secret()).value().reveal()).isEqualTo("Q~folder-secret-value");
        assertThat(request.scope().value()).isEqualTo("https://outlook.office365.com/.default");
    }

    // A reference to a credential of the wrong type is named by the found credential's descriptor, which only a
    // running Jenkins can look up (BaseCredentials.getDescriptor): that message needs a JenkinsRule test.
    @Test
    void aMissingReferenceNamesBothCredentialsAndThePlace() {
        ExchangeOnlineAppCredentials app = app("exo-app", new ClientSecretCredentialSource("exo-secret-text"));

        assertThatThrownBy(() -> app.tokenRequest(new MapCredentialContext(), TokenScope.of(
                        "https://graph.microsoft.com/.default"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Credential 'exo-secret-text' (the client secret of credential 'exo-app') was not found"
                        + " for test folder: check the id, and that it is in a store and domain visible there.");
    }

    @Test
    void aVaultReaderThatLeadsBackToTheCredentialIsRefusedAsACycle() {
        ExchangeOnlineAppCredentials a = app("app-a", new KeyVaultSecretSource("https://contoso.vault.azure.net",
                "a-secret", new AppCredentialVaultAccess("app-b")));
        ExchangeOnlineAppCredentials b = app("app-b", new KeyVaultSecretSource("https://contoso.vault.azure.net",
                "b-secret", new AppCredentialVaultAccess("app-a")));
        MapCredentialContext folder = new MapCredentialContext().with(a, b);

        assertThatThrownBy(() -> a.tokenRequest(folder, TokenScope.forResource(Cloud.GLOBAL, null), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Credential 'app-a' cannot be resolved: its credentials refer back to themselves"
                        + " (app-a → app-b → app-a). Choose a Key Vault reader that does not depend on this credential.");
        ExchangeOnlineAppCredentials self = app("self", new KeyVaultSecretSource("https://contoso.vault.azure.net",
                "s", new AppCredentialVaultAccess("self")));
        assertThatThrownBy(() -> self.tokenRequest(new MapCredentialContext().with(self),
                TokenScope.forResource(Cloud.GLOBAL, null), null))
                .hasMessageContaining("(self → self)");
    }

    @Test
    void aSecretFileWhoseContentChangesUnderTheSameIdIsReadAnew() throws Exception {
        ExchangeOnlineAppCredentials app = app("exo-app", new CertificateCredentialSource("exo-pfx"));
        TestPki.Issued first = TestPki.selfSigned("first", TestPki.rsa(2048));
        TestPki.Issued second = TestPki.selfSigned("second", TestPki.rsa(2048));
        ((CertificateCredentialSource) app.getSecretSource()).setPasswordCredentialsId("exo-pfx-password");
        StringCredentials password = TestCredentials.secretText("exo-pfx-password", "pw");
        TokenScope exchange = TokenScope.forResource(Cloud.GLOBAL, null);
        byte[] firstPfx = TestPki.pfxAes(first, "pw");

        var before = app.tokenRequest(new MapCredentialContext().with(app, password,
                TestCredentials.secretFile("exo-pfx", firstPfx)), exchange, null);
        var again = app.tokenRequest(new MapCredentialContext().with(app, password,
                TestCredentials.secretFile("exo-pfx", firstPfx)), exchange, null);
        var after = app.tokenRequest(new MapCredentialContext().with(app, password,
                TestCredentials.secretFile("exo-pfx", TestPki.pfxAes(second, "pw"))), exchange, null);

        assertThat(again.secret()).as("same content: parsed once").isSameAs(before.secret());
        assertThat(((AppCertificate) after.secret()).chain().get(0)).isEqualTo(second.certificate());
    }

    @Test
    void enteringTheSameCredentialTwiceIsTheOnlyCycle() throws Exception {
        SecretResolution start = SecretResolution.start(new MapCredentialContext(), TokenEngine.get(), "a",
                Cloud.GLOBAL);

        assertThat(start.enter("b", Cloud.GLOBAL).enter("c", Cloud.CHINA).cloud()).isEqualTo(Cloud.CHINA);
        assertThatThrownBy(() -> start.enter("b", Cloud.GLOBAL).enter("a", Cloud.GLOBAL))
                .hasMessageContaining("(a → b → a)");
    }

    private static ExchangeOnlineAppCredentials app(String id, io.jenkins.plugins.exotoken.source.AppSecretSource source) {
        return new ExchangeOnlineAppCredentials(CredentialsScope.GLOBAL, id, null, TENANT, CLIENT,
                "Contoso.onmicrosoft.com", source);
    }
}
