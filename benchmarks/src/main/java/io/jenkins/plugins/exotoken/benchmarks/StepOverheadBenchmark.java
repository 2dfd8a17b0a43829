package io.jenkins.plugins.exotoken.benchmarks;

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
 * 6. What the step adds to a build on the controller with a warm cache, in core: the token from TokenService's
 * cache, the block's environment ({@link TokenEnvironment#of}) and the console mask ({@link LogMask} with the token
 * and the certificate's password, rebuilt from its values as an agent does, and its {@link LogMasker}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", Fixture.SERVER_NODELAY})
public class StepOverheadBenchmark {

    private Fixture fixture;
    private TokenService service;
    private TokenRequest request;
    private int requestsAfterPriming;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture();
        service = fixture.tokenService();
        request = fixture.request(null);
        Fixture.acquire(service, request);
        requestsAfterPriming = fixture.simulator.tokenRequests();
    }

    @Benchmark
    public LogMasker warmStep(Blackhole sink) throws InvalidInputException {
        AccessToken token = Fixture.acquire(service, request);
        sink.consume(TokenEnvironment.of(request.identity(), token, null));
        LogMask mask = LogMask.of(List.of(token.reveal(), ConsoleLog.PASSWORD));
        return LogMask.of(mask.values()).masker();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            fixture.expectRequests(requestsAfterPriming, 0, "warm step");
        } finally {
            service.close();
            fixture.close();
        }
    }
}
