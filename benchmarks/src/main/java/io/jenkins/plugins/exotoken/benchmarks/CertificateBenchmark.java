package io.jenkins.plugins.exotoken.benchmarks;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.cert.CertificateReport;
import io.jenkins.plugins.exotoken.core.cert.InspectedCertificate;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4. What a credential version costs once: reading a PFX (RSA 2048, PBES2/AES-256 with the JDK's default
 * iteration counts, as {@code TestPki.pfxAes} and most current exports write it) and inspecting it. Compare
 * with {@link WarmHitBenchmark#exoTokenService}: this is why the plugin parses once per credential version
 * and a token request never does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", Fixture.SERVER_NODELAY})
public class CertificateBenchmark {

    private final Clock clock = Clock.systemUTC();
    private final SecretValue password = SecretValue.of("pw");
    private byte[] pfx;

    @Setup(Level.Trial)
    public void setUp() throws InvalidInputException {
        pfx = TestPki.pfxAes(TestPki.selfSigned("exo-token benchmark app", TestPki.rsa(2048)), "pw");
        if (!readAndInspectPfx().usable()) {
            throw new IllegalStateException("the benchmark certificate is not usable");
        }
    }

    @Benchmark
    public CertificateReport readAndInspectPfx() throws InvalidInputException {
        return InspectedCertificate.read("benchmark.pfx", pfx, null, password, clock).report();
    }
}
