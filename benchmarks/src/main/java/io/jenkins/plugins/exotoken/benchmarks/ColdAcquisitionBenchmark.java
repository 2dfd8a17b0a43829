package io.jenkins.plugins.exotoken.benchmarks;

import io.jenkins.plugins.exotoken.core.token.MsalHttpTransport;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.TokenSource;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 2. Every call goes to the (simulated) network: {@link TokenService#acquire} on a clock that leaps two hours
 * before each call (beyond the simulator's 3599 s lifetime), so no cached token ever qualifies, against raw msal4j with
 * {@code skipCache(true)}. Same credential, same simulator.
 *
 * <p>Why not a new TokenService per call: that would also measure building an executor, a JDK HttpClient,
 * a TLS handshake and an msal4j application, none of which a cache miss in a long-lived service pays and
 * none of which the raw msal4j side pays. With the leaping clock both sides reuse their client
 * application and their connections, and the difference left is TokenService's own cache-miss path
 * (cache look-up, single-flight, hand-off to its executor, retry wrapper, cache store) and its HTTP
 * transport (JDK HttpClient instead of msal's HttpsURLConnection).
 *
 * <p>After every iteration the simulator's request count must equal the number of calls made (checked).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", Fixture.SERVER_NODELAY})
public class ColdAcquisitionBenchmark {

    /** Longer than the simulator's 3599 s token lifetime: the cached token has expired at every call. */
    static final Duration BEYOND_LIFETIME = Duration.ofHours(2);

    /**
     * The system clock plus an offset that {@link #exoTokenService} moves on before each call. A long minimum
     * validity can no longer force a miss: {@code MinimumValidity} refuses more than 30 minutes and caps it at half
     * a token's lifetime, so that no caller can make every acquisition a call to Entra ID.
     */
    static final class LeapingClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void leap() {
            offset = offset.plus(BEYOND_LIFETIME);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    private final LeapingClock clock = new LeapingClock();

    private Fixture fixture;
    private TokenService service;
    private TokenRequest request;
    private ConfidentialClientApplication msal;
    private ConfidentialClientApplication msalJdkHttpClient;
    private ClientCredentialParameters skipCache;
    private int requestsAtIterationStart;
    private long calls;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture();
        service = new TokenService(fixture.httpSettings, RetryPolicy.defaults(), clock);
        request = fixture.request(null);
        msal = fixture.rawMsal();
        msalJdkHttpClient = fixture.rawMsal(new MsalHttpTransport(fixture.httpSettings));
        skipCache = fixture.msalParameters(true);
        int before = fixture.simulator.tokenRequests();
        clock.leap();
        AccessToken first = Fixture.acquire(service, request);
        clock.leap();
        if (Fixture.acquire(service, request) == first) {
            throw new IllegalStateException("TokenService served a cached token; the cold benchmark needs a miss");
        }
        Fixture.expectSource(Fixture.acquire(msal, skipCache), TokenSource.IDENTITY_PROVIDER, "raw msal4j");
        Fixture.expectSource(Fixture.acquire(msal, skipCache), TokenSource.IDENTITY_PROVIDER, "raw msal4j");
        Fixture.expectSource(Fixture.acquire(msalJdkHttpClient, skipCache), TokenSource.IDENTITY_PROVIDER,
                "raw msal4j over the JDK HttpClient");
        fixture.expectRequests(before, 5, "priming");
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        fixture.simulator.resetCounts(); // also keeps the simulator's request log short
        requestsAtIterationStart = fixture.simulator.tokenRequests();
        calls = 0;
    }

    @Benchmark
    public AccessToken exoTokenService() {
        calls++;
        clock.leap();
        return Fixture.acquire(service, request);
    }

    @Benchmark
    public IAuthenticationResult rawMsal4j() {
        calls++;
        return Fixture.acquire(msal, skipCache);
    }

    /**
     * Diagnostic: raw msal4j with skipCache over the same kind of transport TokenService uses (JDK
     * HttpClient, see {@link MsalHttpTransport}). exoTokenService minus this is TokenService's own cost;
     * this minus rawMsal4j is the cost of the transport.
     */
    @Benchmark
    public IAuthenticationResult rawMsal4jJdkHttpClient() {
        calls++;
        return Fixture.acquire(msalJdkHttpClient, skipCache);
    }

    @TearDown(Level.Iteration)
    public void checkEveryCallWentToTheNetwork() {
        fixture.expectRequests(requestsAtIterationStart, Math.toIntExact(calls), "cold calls");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        service.close();
        fixture.close();
    }
}
