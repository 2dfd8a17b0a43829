package io.jenkins.plugins.exotoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.RequestGate;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static EntraSimulator simulator;
    private TestApp app;
    private TokenService service;

    @BeforeAll
    static void startSimulator() {
        simulator = EntraSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void setUp() {
        app = new TestApp(simulator);
        service = new TokenService(app.httpSettings(), fastRetries(), Clock.systemUTC());
        simulator.resetCounts();
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private static RetryPolicy fastRetries() {
        return new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private TokenRequest certificateRequest() throws Exception {
        return new TokenRequest(app.identity, app.certificateCredential(), TokenScope.forResource(app.cloud, "exchange"));
    }

    private TokenRequest secretRequest(String secret) throws Exception {
        return new TokenRequest(app.identity, ClientSecret.of("test", SecretValue.of(secret)),
                TokenScope.forResource(app.cloud, "exchange"));
    }

    @Test
    void certificateGetsATokenForExchangeWithAVerifiedAssertion() throws Exception {
        AccessToken token = service.acquire(certificateRequest());

        JWTClaimsSet claims = simulator.verifyIssued(token.reveal());
        assertThat(claims.getAudience()).containsExactly("https://outlook.office365.com");
        assertThat(claims.getStringClaim("tid")).isEqualTo(app.tenantId);
        assertThat(claims.getStringClaim("appid")).isEqualTo(app.clientId);
        assertThat(token.roles()).contains(List.of("Exchange.ManageAsApp"));
        assertThat(token.expiresOn()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(55)));
        EntraSimulator.SeenRequest seen = simulator.seen().get(0);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.form()).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion", "****");
        assertThat(seen.assertionClaims()).containsEntry("iss", app.clientId).containsEntry("sub", app.clientId);
        assertThat(seen.assertionHeader()).containsKey("x5c");
    }

    @Test
    void clientSecretGetsAToken() throws Exception {
        AccessToken token = service.acquire(secretRequest(app.secret));

        assertThat(simulator.verifyIssued(token.reveal()).getStringClaim("appid")).isEqualTo(app.clientId);
        assertThat(token.toString()).doesNotContain(token.reveal());
    }

    @Test
    void cachedTokenIsServedWithoutAnotherRequest() throws Exception {
        AccessToken first = service.acquire(certificateRequest());
        AccessToken second = service.acquire(certificateRequest());

        assertThat(second).isSameAs(first);
        assertThat(simulator.tokenRequests()).isEqualTo(1);
    }

    /** A service whose token requests wait at {@code gate} before they leave. */
    private RequestGate gateTokenRequests() {
        RequestGate gate = RequestGate.direct(RequestGate.pathEndsWith("/oauth2/v2.0/token"));
        service.close();
        service = new TokenService(app.httpSettings().withProxy(gate, null), fastRetries(), Clock.systemUTC());
        return gate;
    }

    @Test
    void sixtyFourConcurrentColdRequestsCauseOneCallToEntra() throws Exception {
        TokenRequest request = certificateRequest();
        RequestGate gate = gateTokenRequests();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            CountDownLatch started = new CountDownLatch(64);
            List<Future<AccessToken>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> {
                    started.countDown();
                    return service.acquire(request);
                }));
            }
            // The call is held before it leaves until every caller has started: a caller that did not join it
            // would send a call of its own to the gate.
            gate.awaitArrivals(1, Duration.ofSeconds(30));
            assertThat(started.await(30, TimeUnit.SECONDS)).as("all callers started").isTrue();
            gate.open();
            AccessToken first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<AccessToken> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            gate.open();
            pool.shutdownNow();
        }
        assertThat(gate.arrivals()).isEqualTo(1);
        assertThat(simulator.tokenRequests()).isEqualTo(1);
    }

    @Test
    void throttlingIsRetriedHonouringRetryAfter() throws Exception {
        simulator.inject(Fault.throttled("1"), Fault.status(503));
        long started = System.nanoTime();

        AccessToken token = service.acquire(certificateRequest());

        assertThat(simulator.verifyIssued(token.reveal()).getStringClaim("appid")).isEqualTo(app.clientId);
        assertThat(simulator.tokenRequests()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retriesStopAfterTheMaximumNumberOfAttempts() throws Exception {
        simulator.inject(Fault.status(500), Fault.status(502), Fault.status(503), Fault.status(504));

        assertThatThrownBy(() -> service.acquire(certificateRequest()))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("HTTP 503");
        assertThat(simulator.tokenRequests()).isEqualTo(3);
        simulator.resetCounts();
        service.acquire(certificateRequest()); // the fourth fault is consumed here, then it works
    }

    @Test
    void retryAfterBeyondTheTotalBudgetFailsWithoutWaiting() throws Exception {
        service.close();
        service = new TokenService(app.httpSettings(),
                new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofSeconds(2)),
                Clock.systemUTC());
        simulator.inject(Fault.throttled("20"));
        long started = System.nanoTime();

        assertThatThrownBy(() -> service.acquire(certificateRequest()))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("HTTP 429");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(simulator.tokenRequests()).isEqualTo(1);
    }

    @Test
    void readTimeoutIsRetriedThenReported() throws Exception {
        service.close();
        service = new TokenService(app.httpSettings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)),
                new RetryPolicy(2, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                Clock.systemUTC());
        simulator.inject(Fault.slow(Duration.ofSeconds(1)), Fault.slow(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> service.acquire(certificateRequest()))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 2 attempts")
                .hasMessageContaining("no complete answer from 127.0.0.1 within 300 ms");
        assertThat(simulator.tokenRequests()).isEqualTo(2);
    }

    @Test
    void connectionRefusedIsReportedAsUnavailable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var cloud = io.jenkins.plugins.exotoken.core.identity.Cloud.custom("https://127.0.0.1:" + closedPort,
                "https://outlook.office365.com", "https://graph.microsoft.com", "vault.azure.net", null);
        var identity = io.jenkins.plugins.exotoken.core.identity.AppIdentity.of(app.tenantId, app.clientId,
                "contoso.onmicrosoft.com", cloud);

        assertThatThrownBy(() -> service.acquire(new TokenRequest(identity, app.certificateCredential(),
                        TokenScope.forResource(cloud, "exchange"))))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("ConnectException")
                .hasMessageContaining("check network access");
    }

    @Test
    void wrongSecretIsRefusedWithTheCodeAHintAndTheIdsButNotTheSecret() throws Exception {
        String wrong = "not-the-secret-" + java.util.UUID.randomUUID();

        assertThatThrownBy(() -> service.acquire(secretRequest(wrong)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("AADSTS7000215");
                    assertThat(e.error().httpStatus()).isEqualTo(401);
                    assertThat(e.error().traceId()).isNotBlank();
                    assertThat(e.error().correlationId()).isNotBlank();
                    assertThat(e.getMessage())
                            .contains("AADSTS7000215", "Hint:", "Secret ID", "trace id", "correlation id",
                                    app.clientId)
                            .doesNotContain(wrong);
                });
        assertThat(simulator.tokenRequests()).isEqualTo(1); // a refusal is not retried
    }

    @Test
    void aWaitingCallerCanBeInterruptedWhileTheSharedCallGoesOn() throws Exception {
        TokenRequest request = certificateRequest();
        RequestGate gate = gateTokenRequests();
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        Thread waiting = new Thread(() -> {
            try {
                service.acquire(request);
                outcome.set(new AssertionError("returned a token"));
            } catch (Throwable t) {
                outcome.set(t);
            } finally {
                ended.countDown();
            }
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            waiting.start();
            gate.awaitArrivals(1, Duration.ofSeconds(30)); // the shared call is in flight, held at the gate
            Future<AccessToken> patient = pool.submit(() -> service.acquire(request));
            waiting.interrupt();

            assertThat(ended.await(30, TimeUnit.SECONDS)).as("still waiting after the interrupt").isTrue();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
            gate.open();
            assertThat(simulator.verifyIssued(patient.get(30, TimeUnit.SECONDS).reveal()).getStringClaim("appid"))
                    .isEqualTo(app.clientId);
        } finally {
            gate.open();
            pool.shutdownNow();
        }
        assertThat(gate.arrivals()).as("the interrupted caller did not cancel the shared call").isEqualTo(1);
        assertThat(simulator.tokenRequests()).isEqualTo(1);
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        try (io.jenkins.plugins.exotoken.core.testing.VaultHostProxy proxy =
                new io.jenkins.plugins.exotoken.core.testing.VaultHostProxy("vault.azure.net", host -> false, 0)) {
            service.close();
            service = new TokenService(app.httpSettings().withProxy(java.net.ProxySelector.of(proxy.address()), null),
                    fastRetries(), Clock.systemUTC());

            AccessToken token = service.acquire(secretRequest(app.secret));

            assertThat(simulator.verifyIssued(token.reveal()).getStringClaim("appid")).isEqualTo(app.clientId);
            assertThat(proxy.tunnels()).extracting(io.jenkins.plugins.exotoken.core.testing.VaultHostProxy.Tunnel::target)
                    .containsExactly(java.net.URI.create(simulator.authorityHost()).getAuthority());
        }
    }
}
