package io.jenkins.plugins.exotoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.HostileAnswer;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The token endpoint misbehaving as a broken network or a hostile server would: every call ends within its
 * budget, every answer is capped, and what came back is reported as what it is.
 */
class HostileEntraAnswersTest {

    /** 2 attempts of at most 2 s each, at most 1 s of waiting between them: a budget of 5 s. */
    private static final RetryPolicy TWO_ATTEMPTS =
            new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1));

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
        service = new TokenService(app.httpSettings().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2)),
                TWO_ATTEMPTS, Clock.systemUTC());
        simulator.resetCounts();
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private TokenRequest request() throws Exception {
        return new TokenRequest(app.identity, app.certificateCredential(), TokenScope.forResource(app.cloud, "exchange"));
    }

    @Test
    void aBodyDrippedByteByByteEndsEachAttemptAtTheTimeoutAndTheCallWithinItsBudget() {
        String body = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + "x".repeat(2000) + "\"}";
        simulator.injectHostile(HostileAnswer.drip(Duration.ofMillis(200), body),
                HostileAnswer.drip(Duration.ofMillis(200), body));
        long started = System.nanoTime();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> service.acquire(request()))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 2 attempts")
                .hasMessageContaining("no complete answer from 127.0.0.1 within 2 s"));
        // budget: 2 attempts × 2 s + 1 s of waiting; a generous margin for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(simulator.tokenRequests()).isEqualTo(2);
    }

    @Test
    void anAnswerLargerThanTheCapIsNotReadWholeAndIsReportedWithTheCap() {
        simulator.injectHostile(HostileAnswer.oversized(4 * 1024 * 1024));

        assertThatThrownBy(() -> service.acquire(request()))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("larger than 256 KiB")
                .hasMessageContaining("No token for app " + app.clientId);
        assertThat(simulator.tokenRequests()).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutLengthIsCutAtTheCapWhileItIsRead() {
        simulator.injectHostile(HostileAnswer.oversizedWithoutLength(4 * 1024 * 1024));

        assertThatThrownBy(() -> service.acquire(request()))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("larger than 256 KiB");
        assertThat(simulator.tokenRequests()).isEqualTo(1);
    }

    @Test
    void aGatewayHtmlPageOn502IsRetriedLikeAJson502() throws Exception {
        simulator.injectHostile(HostileAnswer.htmlPage(502));

        assertThat(simulator.verifyIssued(service.acquire(request()).reveal())).isNotNull();
        assertThat(simulator.tokenRequests()).isEqualTo(2);
    }

    @Test
    void gatewayHtmlPagesUntilTheLastAttemptAreReportedAsAProxyPageNotAsARefusal() {
        simulator.injectHostile(HostileAnswer.htmlPage(502), HostileAnswer.htmlPage(502));

        assertThatThrownBy(() -> service.acquire(request()))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("after 2 attempts")
                .hasMessageContaining("answered HTTP 502 with an HTML page, not Entra ID's JSON:"
                        + " a proxy or gateway in between? Try again later")
                .hasMessageNotContaining("refused");
    }

    @Test
    void anHtmlPageOn403IsNotRetriedAndIsReportedAsAProxyPage() {
        simulator.injectHostile(HostileAnswer.htmlPage(403));

        assertThatThrownBy(() -> service.acquire(request()))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("answered HTTP 403 with an HTML page, not Entra ID's JSON:"
                        + " a proxy or gateway in between?");
        assertThat(simulator.tokenRequests()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON           | <html><body>hello</body></html>                                     | an HTML page, not Entra ID's JSON",
        "no expires_in      | {\"token_type\":\"Bearer\",\"access_token\":\"eyJabc.def.ghi\"}           | has no expires_in",
        "no access_token    | {\"token_type\":\"Bearer\",\"expires_in\":3599}                     | has no access_token",
        "CR/LF in the token | {\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJa\\r\\nerror: forged\"} | characters no token has",
        "negative lifetime  | {\"token_type\":\"Bearer\",\"expires_in\":-60,\"access_token\":\"eyJabc.def.ghi\"}  | lifetime is not positive",
        "absurd lifetime    | {\"token_type\":\"Bearer\",\"expires_in\":315360000,\"access_token\":\"eyJabc.def.ghi\"} | more than 25 hours",
        "lifetime not a number | {\"token_type\":\"Bearer\",\"expires_in\":\"soon\",\"access_token\":\"eyJabc.def.ghi\"} | expires_in that is not a time in whole seconds",
    })
    void aMalformedSuccessIsRefusedWithWhatIsWrongAndNotRetried(String what, String body, String expected) {
        simulator.injectHostile(HostileAnswer.json200(body));

        assertThatThrownBy(() -> service.acquire(request()))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                    assertThat(e.getMessage()).contains(expected).startsWith("No token for app " + app.clientId)
                            .doesNotContain("\n", "\r", "forged", "Exception");
                    assertThat(e.error().httpStatus()).isEqualTo(200);
                });
        assertThat(simulator.tokenRequests()).isEqualTo(1);
    }
}
