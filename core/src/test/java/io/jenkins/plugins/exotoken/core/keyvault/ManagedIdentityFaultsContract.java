package io.jenkins.plugins.exotoken.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.HostileAnswer;
import io.jenkins.plugins.exotoken.core.testing.ManagedIdentitySimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.ManagedIdentityRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A managed-identity endpoint that throttles, fails or misbehaves gets the same retry policy, budget and
 * classification as Entra ID and Key Vault. Runs through msal4j's real managed-identity code, which reads the
 * endpoint from the environment: each subclass runs in a Maven execution that sets it (see core/pom.xml).
 */
abstract class ManagedIdentityFaultsContract {

    /** 3 attempts of at most 2 s each, at most 2 s of waiting. */
    private static final RetryPolicy THREE_ATTEMPTS =
            new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2));

    static EntraSimulator entra;
    static ManagedIdentitySimulator endpoint;
    static TestApp app;

    private TokenService tokens;

    static void startServices(ManagedIdentitySimulator managedIdentity) {
        endpoint = managedIdentity;
        endpoint.tenant(app.tenantId);
        endpoint.systemAssigned(UUID.randomUUID().toString());
    }

    static void startEntra() {
        entra = EntraSimulator.start();
        app = new TestApp(entra);
    }

    @AfterAll
    static void stopServices() {
        if (endpoint != null) {
            endpoint.close();
        }
        entra.close();
    }

    @BeforeEach
    void setUp() {
        tokens = new TokenService(HttpSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                THREE_ATTEMPTS, Clock.systemUTC());
        endpoint.resetCounts();
    }

    @AfterEach
    void tearDown() {
        tokens.close();
    }

    private AccessToken acquire() throws Exception {
        return tokens.acquire(new ManagedIdentityRequest(ManagedIdentity.systemAssigned(),
                TokenScope.forResource(app.cloud, TokenScope.KEY_VAULT), null));
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedLikeEntraAndKeyVault() throws Exception {
        endpoint.inject(Fault.status(503), Fault.status(500), Fault.throttled("1"));

        assertThatThrownBy(this::acquire)
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("the managed identity endpoint answered HTTP 429");
        assertThat(endpoint.requests()).isEqualTo(3);
    }

    @Test
    void aFailureFollowedByAnAnswerGivesAToken() throws Exception {
        endpoint.inject(Fault.status(503));

        assertThat(entra.verifyIssued(acquire().reveal())).isNotNull();
        assertThat(endpoint.requests()).isEqualTo(2);
    }

    @Test
    void aGatewayHtmlPageIsRetriedAndReportedAsAProxyPage() throws Exception {
        endpoint.injectHostile(HostileAnswer.htmlPage(502), HostileAnswer.htmlPage(502), HostileAnswer.htmlPage(502));

        assertThatThrownBy(this::acquire)
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("answered HTTP 502 with an HTML page, not the managed identity endpoint's JSON:"
                        + " a proxy or gateway in between?");
        assertThat(endpoint.requests()).isEqualTo(3);
    }

    @Test
    void anAnswerWithoutExpiresOnIsRefusedSayingSo() {
        endpoint.injectHostile(HostileAnswer.json200("{\"access_token\":\"eyJabc.def.ghi\",\"token_type\":\"Bearer\"}"));

        assertThatThrownBy(this::acquire)
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("the managed identity endpoint's answer has no expires_on");
        assertThat(endpoint.requests()).isEqualTo(1);
    }

    @Test
    void anExpiresOnInIso8601IsAcceptedAsMsal4jReadsIt() throws Exception {
        Instant expires = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        endpoint.injectHostile(HostileAnswer.json200("{\"access_token\":\"eyJabc.def.ghi\",\"token_type\":\"Bearer\","
                + "\"expires_on\":\"" + expires + "\"}"));

        assertThat(acquire().expiresOn()).isEqualTo(expires);
    }

    @Test
    void aDrippedAnswerEndsEachAttemptAtTheTimeout() {
        String body = "{\"access_token\":\"" + "x".repeat(2000) + "\"}";
        endpoint.injectHostile(HostileAnswer.drip(Duration.ofMillis(200), body),
                HostileAnswer.drip(Duration.ofMillis(200), body), HostileAnswer.drip(Duration.ofMillis(200), body));
        long started = System.nanoTime();

        assertThatThrownBy(this::acquire)
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("no complete answer from 127.0.0.1 within 2 s");
        // budget: 3 × 2 s + 2 s of waiting; a generous margin for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }
}
