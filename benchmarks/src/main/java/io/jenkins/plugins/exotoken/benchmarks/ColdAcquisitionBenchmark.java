package io.jenkins.plugins.exotoken.benchmarks;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.TokenSource;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.MsalHttpTransport;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.time.Clock;
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
 * 2. Every call goes to the (simulated) network: {@link TokenService#acquire} cycling through more scopes than its
 * cache keeps ({@link TokenService#MAX_TOKENS}, least recently used out first), so the scope asked for has always
 * been dropped, against raw msal4j with {@code skipCache(true)}. Same credential, same simulator.
 *
 * <p>Why not a clock that leaps past each token's lifetime: a token is checked against the service's clock when it
 * arrives (its lifetime must be positive), and the minimum validity is capped at half a token's own lifetime, so no
 * clock can make every call a miss — on purpose, so that no caller can make every acquisition a call to Entra ID.
 *
 * <p>Why not a new TokenService per call: that would also measure building an executor, a JDK HttpClient,
 * a TLS handshake and an msal4j application, none of which a cache miss in a long-lived service pays and
 * none of which the raw msal4j side pays. Cycling scopes, both sides reuse their client application and their
 * connections, and the difference left is TokenService's own cache-miss path (cache look-up, single-flight,
 * hand-off to its executor, retry wrapper, answer checks, cache store with its bound) and its HTTP transport (JDK
 * HttpClient instead of msal's HttpsURLConnection).
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

    /** Twice what the cache keeps: by the time a scope comes round again it has long been dropped. */
    static final int SCOPES = 2 * TokenService.MAX_TOKENS;

    private Fixture fixture;
    private TokenService service;
    private TokenRequest[] requests;
    private int next;
    private ConfidentialClientApplication msal;
    private ConfidentialClientApplication msalJdkHttpClient;
    private ClientCredentialParameters skipCache;
    private int requestsAtIterationStart;
    private long calls;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture();
        service = new TokenService(fixture.httpSettings, RetryPolicy.defaults(), Clock.systemUTC());
        requests = new TokenRequest[SCOPES];
        for (int i = 0; i < SCOPES; i++) {
            requests[i] = fixture.requestFor(fixture.registerResource("https://bench-" + i + ".example"));
        }
        msal = fixture.rawMsal();
        msalJdkHttpClient = fixture.rawMsal(new MsalHttpTransport(fixture.httpSettings));
        skipCache = fixture.msalParameters(true);
        int before = fixture.simulator.tokenRequests();
        AccessToken first = Fixture.acquire(service, requests[0]);
        for (int i = 1; i < SCOPES; i++) {
            Fixture.acquire(service, requests[i]);
        }
        if (Fixture.acquire(service, requests[0]) == first) {
            throw new IllegalStateException("TokenService served a cached token; the cold benchmark needs a miss");
        }
        Fixture.expectSource(Fixture.acquire(msal, skipCache), TokenSource.IDENTITY_PROVIDER, "raw msal4j");
        Fixture.expectSource(Fixture.acquire(msal, skipCache), TokenSource.IDENTITY_PROVIDER, "raw msal4j");
        Fixture.expectSource(Fixture.acquire(msalJdkHttpClient, skipCache), TokenSource.IDENTITY_PROVIDER,
                "raw msal4j over the JDK HttpClient");
        fixture.expectRequests(before, SCOPES + 4, "priming");
        next = 1; // requests[0] was just fetched again: the cycle goes on from the next, long dropped, scope
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
        TokenRequest request = requests[next];
        next = (next + 1) % SCOPES;
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
