package io.jenkins.plugins.exotoken.benchmarks;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.TokenSource;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import io.jenkins.plugins.exotoken.core.redact.LogMask;
import io.jenkins.plugins.exotoken.core.redact.LogMasker;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * 1. A token that is already cached: {@link TokenService#acquire} against raw msal4j's own cache
 * ({@code acquireToken} without {@code skipCache}). Both are primed once; no request may reach the
 * simulator while they are measured (checked), so every measured call is a cache hit on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", Fixture.SERVER_NODELAY})
public class WarmHitBenchmark {

    private Fixture fixture;
    private TokenService service;
    private TokenRequest request;
    private ConfidentialClientApplication msal;
    private ClientCredentialParameters cached;
    private int requestsAfterPriming;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture();
        service = fixture.tokenService();
        request = fixture.request(null); // the default minimum validity, 5 minutes
        msal = fixture.rawMsal();
        cached = fixture.msalParameters(false);

        int before = fixture.simulator.tokenRequests();
        AccessToken first = Fixture.acquire(service, request);
        if (Fixture.acquire(service, request) != first) {
            throw new IllegalStateException("TokenService did not serve its cached token");
        }
        Fixture.expectSource(Fixture.acquire(msal, cached), TokenSource.IDENTITY_PROVIDER, "raw msal4j, first call");
        Fixture.expectSource(Fixture.acquire(msal, cached), TokenSource.CACHE, "raw msal4j, second call");
        fixture.expectRequests(before, 2, "priming");
        requestsAfterPriming = fixture.simulator.tokenRequests();
    }

    @Benchmark
    public AccessToken exoTokenService() {
        return Fixture.acquire(service, request);
    }

    /**
     * 6. What the step adds on the controller with a warm cache, in core: this cache hit, the block's environment
     * ({@link TokenEnvironment#of}) and the console mask ({@link LogMask} of the token and a certificate password,
     * rebuilt from its values as an agent does, and its {@link LogMasker}).
     */
    @Benchmark
    public LogMasker warmStep(Blackhole sink) throws InvalidInputException {
        AccessToken token = Fixture.acquire(service, request);
        sink.consume(TokenEnvironment.of(request.identity(), token, null));
        LogMask mask = LogMask.of(List.of(token.reveal(), ConsoleLog.PASSWORD));
        return LogMask.of(mask.values()).masker();
    }

    @Benchmark
    public IAuthenticationResult rawMsal4j() {
        return Fixture.acquire(msal, cached);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            fixture.expectRequests(requestsAfterPriming, 0, "warm hits");
            Fixture.expectSource(Fixture.acquire(msal, cached), TokenSource.CACHE, "raw msal4j after the run");
        } finally {
            service.close();
            fixture.close();
        }
    }
}
