package io.jenkins.plugins.exotoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.LogCapture;
import io.jenkins.plugins.exotoken.core.testing.MutableClock;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which cached token TokenService hands out: minimum validity as the rule applies it, and during an outage. */
class TokenCachePolicyTest {

    private static EntraSimulator simulator;
    private final MutableClock clock = new MutableClock();
    private LogCapture log;
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
        service = new TokenService(app.httpSettings(),
                new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10)), clock);
        simulator.resetCounts();
        log = LogCapture.of(TokenService.class);
    }

    @AfterEach
    void tearDown() {
        log.close();
        service.close();
        simulator.tokenLifetime(Duration.ofSeconds(3599));
    }

    private TokenRequest request(Duration minimumValidity) throws Exception {
        return new TokenRequest(null, app.identity, app.certificateCredential(),
                TokenScope.forResource(app.cloud, "exchange"), MinimumValidity.of(minimumValidity));
    }

    @Test
    void aTokenWithLessThanTheMinimumValidityLeftIsReplaced() throws Exception {
        TokenRequest fiveMinutes = request(Duration.ofMinutes(5));
        AccessToken first = service.acquire(fiveMinutes);
        clock.advance(Duration.ofMinutes(50)); // about 10 minutes left of 3599 s

        AccessToken stillGood = service.acquire(fiveMinutes);
        AccessToken replaced = service.acquire(request(Duration.ofMinutes(15)));

        assertThat(stillGood).isSameAs(first);
        assertThat(replaced).isNotSameAs(first);
        assertThat(simulator.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aMinimumLongerThanHalfTheTokensLifetimeServesTheFreshTokenInsteadOfCallingEntraEveryTime() throws Exception {
        simulator.tokenLifetime(Duration.ofMinutes(10));
        TokenRequest fifteenMinutes = request(Duration.ofMinutes(15));

        AccessToken first = service.acquire(fifteenMinutes);
        AccessToken second = service.acquire(fifteenMinutes);
        clock.advance(Duration.ofMinutes(4)); // 6 of 10 minutes left: more than half the lifetime
        AccessToken third = service.acquire(fifteenMinutes);
        clock.advance(Duration.ofMinutes(2)); // 4 left: less than half
        AccessToken renewed = service.acquire(fifteenMinutes);

        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
        assertThat(renewed).isNotSameAs(first);
        assertThat(simulator.tokenRequests()).isEqualTo(2);
    }

    @Test
    void duringAnOutageAStillValidTokenBelowTheMinimumIsServedWithAWarningAndEntraAskedAgainAfterAMinute()
            throws Exception {
        TokenRequest request = request(null);
        AccessToken first = service.acquire(request);
        clock.advance(Duration.ofMinutes(57)); // about 2 minutes left: below the 5-minute default
        simulator.inject(Fault.status(503), Fault.status(503), Fault.status(503));

        AccessToken during = service.acquire(request);
        AccessToken meanwhile = service.acquire(request);
        int requestsDuringTheOutage = simulator.tokenRequests();
        clock.advance(TokenService.OUTAGE_RETRY.plusSeconds(1));
        AccessToken after = service.acquire(request);

        assertThat(during).isSameAs(first);
        assertThat(meanwhile).as("not asked again before the interval").isSameAs(first);
        assertThat(requestsDuringTheOutage).isEqualTo(1 + 3);
        assertThat(after).isNotSameAs(first);
        assertThat(simulator.tokenRequests()).isEqualTo(1 + 3 + 1);
        List<String> warnings = log.formatted(Level.WARNING);
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w)
                .contains("HTTP 503", "Using the cached token that expires at " + first.expiresOn(), "60 s")
                .doesNotContain(first.reveal(), app.secret));
    }

    @Test
    void duringAnOutageAnExpiredTokenIsNotServed() throws Exception {
        TokenRequest request = request(null);
        service.acquire(request);
        clock.advance(Duration.ofMinutes(61));
        simulator.inject(Fault.status(503), Fault.status(503), Fault.status(503));

        assertThatThrownBy(() -> service.acquire(request))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void anEvictedIdentityGetsANewTokenAndANewMsalApplication() throws Exception {
        TokenRequest request = request(null);
        AccessToken first = service.acquire(request);

        service.evict(app.identity);
        AccessToken second = service.acquire(request);

        assertThat(second).isNotSameAs(first);
        assertThat(simulator.tokenRequests()).isEqualTo(2);
    }
}
