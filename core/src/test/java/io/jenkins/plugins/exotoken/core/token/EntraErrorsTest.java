package io.jenkins.plugins.exotoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each common refusal of Entra ID becomes one actionable message. */
class EntraErrorsTest {

    private static EntraSimulator simulator;
    private TestApp app;
    private TokenService service;

    @BeforeAll
    static void start() {
        simulator = EntraSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void setUp() {
        app = new TestApp(simulator);
        service = new TokenService(app.httpSettings(), RetryPolicy.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private AuthenticationFailedException refusal(AppIdentity identity, AppSecret secret, TokenScope scope) {
        TokenRequest request = new TokenRequest("credential 'exo-app'", identity, secret, scope, null);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> service.acquire(request));
        assertThat(thrown).isInstanceOf(AuthenticationFailedException.class);
        AuthenticationFailedException e = (AuthenticationFailedException) thrown;
        assertThat(e.getMessage()).startsWith("Entra ID refused a token for credential 'exo-app' (app " + identity.clientId())
                .contains("trace id ", "correlation id ").doesNotContain("\n");
        return e;
    }

    private TokenScope exchange() throws Exception {
        return TokenScope.forResource(app.cloud, "exchange");
    }

    private ClientSecret secret(String value) throws Exception {
        return ClientSecret.of("test", SecretValue.of(value));
    }

    @Test
    void unknownTenant() throws Exception {
        AppIdentity stranger = AppIdentity.of(UUID.randomUUID().toString(), app.clientId, null, app.cloud);

        AuthenticationFailedException e = refusal(stranger, secret(app.secret), exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS90002");
        assertThat(e.getMessage()).contains("tenant does not exist in this cloud");
    }

    @Test
    void foreignCloudTenant() throws Exception {
        String gov = UUID.randomUUID().toString();
        simulator.foreignCloudTenant(gov);

        AuthenticationFailedException e = refusal(AppIdentity.of(gov, app.clientId, null, app.cloud),
                secret(app.secret), exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS900382");
        assertThat(e.getMessage()).contains("set the cloud to the tenant's cloud");
    }

    @Test
    void unknownApp() throws Exception {
        AppIdentity unknown = AppIdentity.of(app.tenantId, UUID.randomUUID().toString(), null, app.cloud);

        AuthenticationFailedException e = refusal(unknown, secret(app.secret), exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS700016");
        assertThat(e.error().httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("check the Application (client) ID");
    }

    @Test
    void certificateNotRegistered() throws Exception {
        TestPki.Issued stranger = TestPki.selfSigned("stranger", TestPki.rsa(2048));
        var credential = io.jenkins.plugins.exotoken.core.secret.AppCertificate.read("stranger.pfx",
                TestPki.pfxAes(stranger, ""), null, SecretValue.empty(), Clock.systemUTC());

        AuthenticationFailedException e = refusal(app.identity, credential, exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS700027");
        assertThat(e.getMessage()).contains("certificate " + credential.info().thumbprintSha1(),
                "upload this certificate");
    }

    @Test
    void wrongAndExpiredSecrets() throws Exception {
        simulator.app(app.tenantId, app.clientId).secret("old-secret", Instant.now().minus(Duration.ofDays(1)));

        assertThat(refusal(app.identity, secret("wrong"), exchange()).error().code()).isEqualTo("AADSTS7000215");
        AuthenticationFailedException expired = refusal(app.identity, secret("old-secret"), exchange());
        assertThat(expired.error().code()).isEqualTo("AADSTS7000222");
        assertThat(expired.getMessage()).contains("client secret has expired");
    }

    @Test
    void resourceUnknownInTheTenant() throws Exception {
        AuthenticationFailedException e = refusal(app.identity, secret(app.secret),
                TokenScope.of("https://unknown.example.com/.default"));

        assertThat(e.error().code()).isEqualTo("AADSTS500011");
        assertThat(e.getMessage()).contains("resource is not known in this tenant");
    }

    @Test
    void unknownCodesStillCarryTheirTextAndIds() throws Exception {
        AuthenticationFailedException e = refusal(app.identity, secret("wrong"), exchange());

        assertThat(e.error().description()).startsWith("AADSTS7000215: Invalid client secret provided.");
        assertThat(e.error().error()).isEqualTo("invalid_client");
    }
}
