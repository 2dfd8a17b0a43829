package io.jenkins.plugins.exotoken.core.tokenfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.LogCapture;
import io.jenkins.plugins.exotoken.core.testing.MutableClock;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token file renewed through a real TokenService (with its cache) from the Entra ID SIMULATOR. */
class RenewingTokenFileEntraTest {

    private static final EntraSimulator SIMULATOR = EntraSimulator.start();
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<RenewalFailure> failures = new CopyOnWriteArrayList<>();
    private final TestApp app = new TestApp(SIMULATOR);
    private final TokenService service = new TokenService(app.httpSettings(),
            new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10)), clock);
    private final LogCapture log = LogCapture.of(RenewingTokenFile.class);
    private TokenRequest request;
    @TempDir
    Path dir;

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        request = new TokenRequest("credential 'exo-app'", app.identity, app.certificateCredential(),
                TokenScope.forResource(app.cloud, "exchange"), MinimumValidity.DEFAULT);
        SIMULATOR.resetCounts();
    }

    @AfterEach
    void tearDown() {
        log.close();
        service.close();
    }

    private RenewingTokenFile start(AccessToken first) throws Exception {
        return RenewingTokenFile.start(new LocalTokenFile(dir.resolve("token")), first,
                TokenSupply.renewing(service, request),
                new RenewingTokenFile.Schedule(scheduler, clock, request.minimumValidity()),
                new RenewalListener() {
                    @Override
                    public void renewalFailed(RenewalFailure failure) {
                        failures.add(failure);
                    }
                });
    }

    @Test
    void aRenewalGetsANewTokenFromEntraIdAlthoughTheCacheStillServesTheOldOneToOrdinaryRequests() throws Exception {
        AccessToken first = service.acquire(request);

        try (RenewingTokenFile tokenFile = start(first)) {
            scheduler.runNext(); // 45 of 60 minutes: 15 left, more than the block's 5-minute minimum validity

            AccessToken renewed = tokenFile.token();
            assertThat(service.acquire(request)).as("what the block's own requests get").isSameAs(renewed);
            assertThat(renewed.reveal()).isNotEqualTo(first.reveal());
            assertThat(Files.readString(dir.resolve("token"))).isEqualTo(renewed.reveal());
            assertThat(SIMULATOR.verifyIssued(renewed.reveal())).isNotNull();
            assertThat(SIMULATOR.tokenRequests()).isEqualTo(2);
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void duringAnOutageTheFileKeepsItsTokenAndARetryAfterTheOutageRenewsIt() throws Exception {
        AccessToken first = service.acquire(request);

        try (RenewingTokenFile tokenFile = start(first)) {
            SIMULATOR.inject(Fault.status(503), Fault.status(503), Fault.status(503));
            scheduler.runNext(); // Entra ID is unavailable: the service serves the token the file holds
            int duringTheOutage = SIMULATOR.tokenRequests();
            scheduler.runNext(); // +10 s: the service waits a minute before asking again, and serves it again
            scheduler.runNext(); // +20 s
            scheduler.runNext(); // +40 s: more than a minute after the outage, asked again

            assertThat(failures).hasSize(3).allSatisfy(f -> assertThat(f.message())
                    .contains("answered with the token the file already holds").doesNotContain(first.reveal()));
            assertThat(duringTheOutage).isEqualTo(1 + 3);
            assertThat(SIMULATOR.tokenRequests()).isEqualTo(1 + 3 + 1);
            assertThat(tokenFile.token().reveal()).isNotEqualTo(first.reveal());
            assertThat(Files.readString(dir.resolve("token"))).isEqualTo(tokenFile.token().reveal());
        }
        assertThat(dir.resolve("token")).doesNotExist();
    }
}
