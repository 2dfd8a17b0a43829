package io.jenkins.plugins.exotoken.core.tokenfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.testing.LogCapture;
import io.jenkins.plugins.exotoken.core.testing.MutableClock;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule and the rules of a token file, with a clock and a scheduler the test moves. */
class RenewingTokenFileTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<AccessToken> renewed = new CopyOnWriteArrayList<>();
    private final List<RenewalFailure> failures = new CopyOnWriteArrayList<>();
    private final RenewalListener listener = new RenewalListener() {
        @Override
        public void renewed(AccessToken token) {
            renewed.add(token);
        }

        @Override
        public void renewalFailed(RenewalFailure failure) {
            failures.add(failure);
        }
    };
    private LogCapture log;
    private Path file;
    private int issued;

    @BeforeEach
    void setUp() {
        file = dir.resolve("token");
        log = LogCapture.of(RenewingTokenFile.class);
    }

    @AfterEach
    void tearDown() {
        log.close();
    }

    /** A token of the given lifetime from now; each one a different value and length, shaped like a JWT. */
    private AccessToken token(Duration lifetime) throws InvalidInputException {
        issued++;
        return new AccessToken("eyJ0eXAiOiJKV1QifQ.eyJuIjo" + "x".repeat(issued) + issued + ".c2ln" + issued,
                "Bearer", clock.instant().plus(lifetime), TokenScope.of("https://outlook.office365.com/.default"));
    }

    private RenewingTokenFile start(AccessToken first, TokenSupply supply, MinimumValidity minimumValidity)
            throws Exception {
        return RenewingTokenFile.start(new LocalTokenFile(file), first, supply,
                new RenewingTokenFile.Schedule(scheduler, clock, minimumValidity), listener);
    }

    private List<Instant> due() {
        return scheduler.pending().stream().map(ManualScheduler.Task::due).toList();
    }

    @Test
    void startWritesTheFirstTokenOwnerOnlyAndSchedulesItsRenewalAtThreeQuartersOfItsLifetime() throws Exception {
        AccessToken first = token(HOUR);
        Instant started = clock.instant();

        try (RenewingTokenFile tokenFile = start(first, () -> token(HOUR), MinimumValidity.DEFAULT)) {
            assertThat(Files.readString(file)).isEqualTo(first.reveal());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            assertThat(due()).containsExactly(started.plus(Duration.ofMinutes(45)));
            assertThat(tokenFile.nextRenewal()).isEqualTo(started.plus(Duration.ofMinutes(45)));
            assertThat(dir.toFile().list()).containsExactly("token"); // no temporary file left beside it
        }
    }

    @Test
    void aMinimumValidityLongerThanAQuarterOfTheLifetimeBringsTheRenewalForward() throws Exception {
        Instant started = clock.instant();

        try (RenewingTokenFile tokenFile = start(token(HOUR), () -> token(HOUR),
                MinimumValidity.of(Duration.ofMinutes(20)))) {
            assertThat(due()).containsExactly(started.plus(Duration.ofMinutes(40)));
        }
    }

    @Test
    void eachRenewalReplacesTheTokenTellsTheListenerAndSchedulesTheNextFromItsOwnLifetime() throws Exception {
        Instant started = clock.instant();
        try (RenewingTokenFile tokenFile = start(token(HOUR), () -> token(HOUR), MinimumValidity.DEFAULT)) {
            scheduler.runNext();
            AccessToken second = tokenFile.token();
            scheduler.runNext();
            AccessToken third = tokenFile.token();

            assertThat(renewed).containsExactly(second, third);
            assertThat(Files.readString(file)).isEqualTo(third.reveal());
            assertThat(due()).containsExactly(started.plus(Duration.ofMinutes(3 * 45)));
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aFailingRenewalKeepsTheTokenAndIsRetriedAfter10SecondsDoublingTo5MinutesButNotPastExpiryThenEvery5Minutes()
            throws Exception {
        AccessToken first = token(HOUR);
        Instant expiry = first.expiresOn();
        Deque<Boolean> outcomes = new ArrayDeque<>(List.of(false, false, false, false, false, false, false, false,
                false, false, true));
        TokenSupply supply = () -> {
            if (!outcomes.pop()) {
                throw new ServiceUnavailableException("No token for app 1: HTTP 503 from Entra ID, token "
                        + first.reveal(), null);
            }
            return token(HOUR);
        };

        try (RenewingTokenFile tokenFile = start(first, supply, MinimumValidity.DEFAULT)) {
            Instant renewal = scheduler.runNext();
            List<Duration> waits = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                Instant before = clock.instant();
                scheduler.runNext();
                waits.add(Duration.between(before, clock.instant()));
                assertThat(Files.readString(file)).isEqualTo(first.reveal());
            }
            scheduler.runNext(); // the eleventh attempt succeeds

            assertThat(renewal).isEqualTo(expiry.minus(Duration.ofMinutes(15)));
            // 15 min to expiry: 10 + 20 + 40 + 80 + 160 + 300 s = 610 s, then 290 s (to the expiry), then every 5 min
            assertThat(waits).extracting(Duration::toSeconds)
                    .containsExactly(10L, 20L, 40L, 80L, 160L, 300L, 290L, 300L, 300L);
            assertThat(failures).hasSize(10);
            assertThat(failures.get(0).message()).startsWith("Token file " + file + " not renewed: No token for app 1:"
                    + " HTTP 503 from Entra ID, token ****. It keeps its token, valid until ")
                    .endsWith("; next attempt at " + failures.get(0).nextAttempt().toString().replace(".000", "")
                            .replaceAll("\\.\\d+Z", "Z") + ".");
            assertThat(failures.get(5).expired()).isFalse();
            assertThat(failures.get(6).nextAttempt()).isEqualTo(expiry);
            assertThat(failures.get(7).expired()).isTrue();
            assertThat(failures.get(7).message()).contains("Its token expired at");
            assertThat(renewed).containsExactly(tokenFile.token());
            assertThat(Files.readString(file)).isEqualTo(tokenFile.token().reveal()).isNotEqualTo(first.reveal());
            List<String> warnings = log.messages(Level.WARNING);
            assertThat(warnings).hasSize(10).allSatisfy(w -> assertThat(w).doesNotContain(first.reveal()));
        }
    }

    @Test
    void theTokenHeldAnsweredAgainWhenLittleIsLeftCountsAsAFailedRenewal() throws Exception {
        AccessToken first = token(HOUR);

        try (RenewingTokenFile tokenFile = start(first, () -> first, MinimumValidity.DEFAULT)) {
            scheduler.runNext();

            assertThat(failures).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("answered with the token the file already holds"));
            assertThat(due()).containsExactly(clock.instant().plus(RenewingTokenFile.FIRST_RETRY));
        }
    }

    @Test
    void aLongLivedTokenTheServiceKeepsIsRenewedWhenItsCacheWouldReplaceItWithoutAFailure() throws Exception {
        AccessToken first = token(Duration.ofHours(4));
        AtomicReference<AccessToken> answer = new AtomicReference<>(first);

        try (RenewingTokenFile tokenFile = start(first, answer::get, MinimumValidity.DEFAULT)) {
            scheduler.runNext(); // at 3 h: the service still answers with the token, 1 h left
            answer.set(token(Duration.ofMinutes(90)));
            scheduler.runNext();

            assertThat(clock.instant()).isEqualTo(first.expiresOn().minus(MinimumValidity.MAXIMUM));
            assertThat(failures).isEmpty();
            assertThat(renewed).containsExactly(answer.get());
        }
    }

    @Test
    void aFailedWriteKeepsTheTokenAndIsRetried() throws Exception {
        AccessToken first = token(HOUR);
        LocalTokenFile local = new LocalTokenFile(file);
        int[] writes = {0};
        TokenFileTarget failingOnce = new TokenFileTarget() {
            @Override
            public void write(byte[] token) throws IOException {
                if (++writes[0] == 2) {
                    throw new IOException("No space left on device");
                }
                local.write(token);
            }

            @Override
            public void delete() throws IOException {
                local.delete();
            }

            @Override
            public String describe() {
                return local.describe();
            }
        };

        try (RenewingTokenFile tokenFile = RenewingTokenFile.start(failingOnce, first, () -> token(HOUR),
                new RenewingTokenFile.Schedule(scheduler, clock, MinimumValidity.DEFAULT), listener)) {
            scheduler.runNext();
            assertThat(Files.readString(file)).isEqualTo(first.reveal());
            assertThat(failures).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("cannot write it: No space left on device"));
            scheduler.runNext();

            assertThat(Files.readString(file)).isEqualTo(tokenFile.token().reveal()).isNotEqualTo(first.reveal());
        }
    }

    @Test
    void closeCancelsTheRenewalsAndDeletesTheFileAndASecondCloseDoesNothing() throws Exception {
        RenewingTokenFile tokenFile = start(token(HOUR), () -> token(HOUR), MinimumValidity.DEFAULT);

        tokenFile.close();
        tokenFile.close();

        assertThat(file).doesNotExist();
        assertThat(scheduler.pending()).isEmpty();
        assertThat(tokenFile.nextRenewal()).isNull();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void closeDuringARenewalInterruptsItAndTheFileDoesNotComeBack() throws Exception {
        CountDownLatch acquiring = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        TokenSupply blocking = () -> {
            acquiring.countDown();
            try {
                new CountDownLatch(1).await();
                throw new AssertionError("not interrupted");
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        };
        RenewingTokenFile tokenFile = start(token(HOUR), blocking, MinimumValidity.DEFAULT);
        ManualScheduler.Task renewal = scheduler.pending().get(0);
        clock.advance(Duration.ofMinutes(45));
        Thread renewing = new Thread(renewal);
        renewing.start();
        assertThat(acquiring.await(30, TimeUnit.SECONDS)).isTrue();

        tokenFile.close();

        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
        renewing.join(30_000);
        assertThat(file).doesNotExist();
        assertThat(scheduler.pending()).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void whenTheFirstWriteFailsStartThrowsAndLeavesNothingBehind() throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("token");

        assertThatThrownBy(() -> RenewingTokenFile.start(new LocalTokenFile(missing), token(HOUR), () -> token(HOUR),
                new RenewingTokenFile.Schedule(scheduler, clock, MinimumValidity.DEFAULT), listener))
                .isInstanceOf(IOException.class);
        assertThat(scheduler.pending()).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void aReaderLoopingOverTheFileWhileItIsRenewedAlwaysReadsOneCompleteToken() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        AccessToken first = token(HOUR);
        written.add(first.reveal());
        TokenSupply supply = () -> {
            AccessToken next = token(HOUR);
            written.add(next.reveal());
            return next;
        };
        List<String> bad = new CopyOnWriteArrayList<>();
        int[] reads = {0};
        CountDownLatch readerStarted = new CountDownLatch(1);
        try (RenewingTokenFile tokenFile = start(first, supply, MinimumValidity.DEFAULT)) {
            Thread reader = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        String read = Files.readString(file);
                        if (!written.contains(read)) {
                            bad.add(read);
                        }
                    } catch (IOException e) {
                        bad.add(e.toString());
                    }
                    reads[0]++;
                    readerStarted.countDown();
                }
            });
            reader.start();
            assertThat(readerStarted.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 300; i++) {
                scheduler.runNext();
            }
            reader.interrupt();
            reader.join(30_000);
        }

        assertThat(written).hasSize(301);
        assertThat(bad).isEmpty();
        assertThat(reads[0]).isPositive();
    }

    @Test
    void backoffDoublesFrom10SecondsAndStopsAt5Minutes() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 100)).map(RenewingTokenFile::backoffAfter).map(Duration::toSeconds)
                .containsExactly(10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L);
    }

}
