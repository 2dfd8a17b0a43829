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
import io.jenkins.plugins.exotoken.core.testing.Fault;
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
    void unknownTenantIsSaidNotToExistInThisCloud() throws Exception {
        AppIdentity stranger = AppIdentity.of(UUID.randomUUID().toString(), app.clientId, null, app.cloud);

        AuthenticationFailedException e = refusal(stranger, secret(app.secret), exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS90002");
        assertThat(e.getMessage()).contains("tenant does not exist in this cloud");
    }

    @Test
    void tenantOfAnotherCloudAsksToSetItsCloud() throws Exception {
        String gov = UUID.randomUUID().toString();
        simulator.foreignCloudTenant(gov);

        AuthenticationFailedException e = refusal(AppIdentity.of(gov, app.clientId, null, app.cloud),
                secret(app.secret), exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS900382");
        assertThat(e.getMessage()).contains("set the cloud to the tenant's cloud");
    }

    @Test
    void unknownAppAsksToCheckTheClientId() throws Exception {
        AppIdentity unknown = AppIdentity.of(app.tenantId, UUID.randomUUID().toString(), null, app.cloud);

        AuthenticationFailedException e = refusal(unknown, secret(app.secret), exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS700016");
        assertThat(e.error().httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("check the Application (client) ID");
    }

    @Test
    void unregisteredCertificateIsNamedByThumbprintWithTheUploadHint() throws Exception {
        TestPki.Issued stranger = TestPki.selfSigned("stranger", TestPki.rsa(2048));
        var credential = io.jenkins.plugins.exotoken.core.secret.AppCertificate.read("stranger.pfx",
                TestPki.pfxAes(stranger, ""), null, SecretValue.empty(), Clock.systemUTC());

        AuthenticationFailedException e = refusal(app.identity, credential, exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS700027");
        assertThat(e.getMessage()).contains("certificate " + credential.info().thumbprintSha1(),
                "upload this certificate");
    }

    @Test
    void wrongAndExpiredSecretsAreToldApart() throws Exception {
        simulator.app(app.tenantId, app.clientId).secret("old-secret", Instant.now().minus(Duration.ofDays(1)));

        AuthenticationFailedException wrong = refusal(app.identity, secret("wrong"), exchange());
        assertThat(wrong.error().code()).isEqualTo("AADSTS7000215");
        assertThat(wrong.getMessage()).contains("the client secret is wrong").doesNotContain("has expired");
        AuthenticationFailedException expired = refusal(app.identity, secret("old-secret"), exchange());
        assertThat(expired.error().code()).isEqualTo("AADSTS7000222");
        assertThat(expired.getMessage()).contains("client secret has expired");
    }

    @Test
    void resourceUnknownInTheTenantIsNamedAsSuch() throws Exception {
        AuthenticationFailedException e = refusal(app.identity, secret(app.secret),
                TokenScope.of("https://unknown.example.com/.default"));

        assertThat(e.error().code()).isEqualTo("AADSTS500011");
        assertThat(e.getMessage()).contains("resource is not known in this tenant");
    }

    @Test
    void theErrorKeepsEntrasFirstLineAndOAuthError() throws Exception {
        AuthenticationFailedException e = refusal(app.identity, secret("wrong"), exchange());

        assertThat(e.error().description()).startsWith("AADSTS7000215: Invalid client secret provided.")
                .doesNotContain("Trace ID");
        assertThat(e.error().error()).isEqualTo("invalid_client");
    }

    @Test
    void unknownCodesStillCarryTheirTextAndIdsWithoutAHint() throws Exception {
        simulator.inject(Fault.status(400)); // answered with AADSTS90033, a code without a hint

        AuthenticationFailedException e = refusal(app.identity, secret(app.secret), exchange());

        assertThat(e.error().code()).isEqualTo("AADSTS90033");
        assertThat(e.error().httpStatus()).isEqualTo(400);
        assertThat(e.error().traceId()).isNotBlank();
        assertThat(e.error().correlationId()).isNotBlank();
        assertThat(e.getMessage()).contains("AADSTS90033: A transient error has occurred.",
                "trace id " + e.error().traceId(), "correlation id " + e.error().correlationId())
                .doesNotContain("Hint:");
    }
}
