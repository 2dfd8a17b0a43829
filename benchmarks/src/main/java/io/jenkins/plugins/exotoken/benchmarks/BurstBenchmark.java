package io.jenkins.plugins.exotoken.benchmarks;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * 3. Sixty-four threads ask for the same credential and scope at the same moment, with nothing cached:
 * a fresh {@link TokenService} per burst against a fresh raw msal4j application per burst (its own cache
 * working, {@code skipCache} off). The 64 callers are parked on a latch before the timed part starts and
 * released together; a burst ends when every caller has its token.
 *
 * <p>Measured, not asserted: the requests that reached the simulator during each burst are reported as the
 * secondary result {@code simulatorRequests} (one burst per iteration, so the per-iteration figure is the
 * per-burst count) and as a distribution printed at the end of the trial.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, batchSize = 1)
@Measurement(iterations = 20, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", Fixture.SERVER_NODELAY})
public class BurstBenchmark {

    static final int CALLERS = 64;

    /** The simulator, and 64 caller threads reused from burst to burst. */
    @State(Scope.Benchmark)
    public static class Shared {
        Fixture fixture;
        ExecutorService callers;
        ClientCredentialParameters msalParameters;
        TokenRequest request;
        /** Requests per measured burst. */
        final List<Integer> measured = Collections.synchronizedList(new ArrayList<>());
        boolean measuring;

        @Setup(Level.Trial)
        public void setUp() {
            fixture = new Fixture();
            callers = Executors.newFixedThreadPool(CALLERS, Fixture.daemons("caller"));
            msalParameters = fixture.msalParameters(false);
            request = fixture.request(null);
        }

        @Setup(Level.Iteration)
        public void iteration(IterationParams params) {
            measuring = params.getType() == IterationType.MEASUREMENT;
            fixture.simulator.resetCounts();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Map<Integer, Integer> histogram = new TreeMap<>();
            measured.forEach(n -> histogram.merge(n, 1, Integer::sum));
            double mean = measured.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
            System.out.printf("%n[burst] %d measured bursts of %d callers: simulator requests per burst"
                            + " min %d, mean %.2f, max %d; {requests=bursts} %s%n",
                    measured.size(), CALLERS, Collections.min(measured), mean, Collections.max(measured), histogram);
            callers.shutdownNow();
            fixture.close();
        }
    }

    /** Secondary results: simulator requests and callers served, summed over the iteration's one burst. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counts {
        public int simulatorRequests;
        public int callersServed;

        @Setup(Level.Iteration)
        public void clear() {
            simulatorRequests = 0;
            callersServed = 0;
        }
    }

    /** 64 callers parked on a latch, released by {@link #fire}. */
    abstract static class Burst {
        private CountDownLatch go;
        private List<Future<Object>> results;
        private int requestsBefore;

        void arm(Shared shared, Supplier<Object> call) throws InterruptedException {
            go = new CountDownLatch(1);
            CountDownLatch ready = new CountDownLatch(CALLERS);
            results = new ArrayList<>(CALLERS);
            Callable<Object> caller = () -> {
                ready.countDown();
                go.await();
                return call.get();
            };
            for (int i = 0; i < CALLERS; i++) {
                results.add(shared.callers.submit(caller));
            }
            ready.await();
            requestsBefore = shared.fixture.simulator.tokenRequests();
        }

        int fire(Shared shared, Counts counts) throws InterruptedException, ExecutionException {
            go.countDown();
            int served = 0;
            for (Future<Object> result : results) {
                if (result.get() != null) {
                    served++;
                }
            }
            int requests = shared.fixture.simulator.tokenRequests() - requestsBefore;
            counts.simulatorRequests += requests;
            counts.callersServed += served;
            if (shared.measuring) {
                shared.measured.add(requests);
            }
            return requests;
        }
    }

    @State(Scope.Thread)
    public static class ServiceBurst extends Burst {
        TokenService service;

        @Setup(Level.Invocation)
        public void arm(Shared shared) throws InterruptedException {
            service = shared.fixture.tokenService(); // nothing cached
            TokenService s = service;
            arm(shared, () -> Fixture.acquire(s, shared.request));
        }

        @TearDown(Level.Invocation)
        public void close() {
            service.close();
        }
    }

    @State(Scope.Thread)
    public static class MsalBurst extends Burst {
        @Setup(Level.Invocation)
        public void arm(Shared shared) throws InterruptedException {
            ConfidentialClientApplication msal = shared.fixture.rawMsal(); // nothing cached
            arm(shared, () -> Fixture.acquire(msal, shared.msalParameters));
        }
    }

    @Benchmark
    public int exoTokenService(Shared shared, ServiceBurst burst, Counts counts) throws Exception {
        return burst.fire(shared, counts);
    }

    @Benchmark
    public int rawMsal4j(Shared shared, MsalBurst burst, Counts counts) throws Exception {
        return burst.fire(shared, counts);
    }
}
