package io.jenkins.plugins.exotoken.benchmarks;

import io.jenkins.plugins.exotoken.core.redact.LogMask;
import io.jenkins.plugins.exotoken.core.redact.LogMasker;
import io.jenkins.plugins.exotoken.core.redact.MaskingOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 5. Console masking: core's {@link LogMasker} (every form of the values and token shapes) against the
 * credentials-binding way (one {@code java.util.regex} alternation of the quoted values and their encoded forms,
 * {@code replaceAll} per line, no token shapes), on the same text in the same run. {@code log}: a realistic log
 * (~4 MB of PowerShell and curl output with tokens, secrets and near-misses); {@code base64url}: one 4 MB line of
 * Base64url characters and dots; {@code nearJwts}: one 4 MB line of near-JWTs. Each operation masks all of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MaskingBenchmark {

    @Param({"log", "base64url", "nearJwts"})
    public String input;

    /** Input size: linear time shows as twice the time for twice the input. */
    @Param({"4", "8"})
    public int megabytes;

    private List<String> lines;
    private byte[] bytes;
    private LogMasker masker;
    private Pattern alternation;

    @Setup
    public void setUp() {
        int size = megabytes << 20;
        lines = switch (input) {
            case "log" -> ConsoleLog.realistic(size);
            case "base64url" -> List.of(ConsoleLog.base64urlAndDots(size));
            default -> List.of(ConsoleLog.nearJwts(size));
        };
        bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> values = List.of(ConsoleLog.TOKEN, ConsoleLog.CLIENT_SECRET, ConsoleLog.PASSWORD);
        masker = LogMask.of(values).masker();
        alternation = ConsoleLog.alternation(values);
        // Both sides must mask what they are given: the token, the secret and the password in the log.
        String sample = String.join("\n", ConsoleLog.realistic(64 << 10));
        for (String value : values) {
            if (masker.mask(sample).contains(value) || alternation.matcher(sample).replaceAll("****").contains(value)) {
                throw new IllegalStateException("a value is not masked");
            }
        }
    }

    /** Line by line, as a console filter sees a log. */
    @Benchmark
    public void exoTokenLines(Blackhole sink) {
        for (String line : lines) {
            sink.consume(masker.mask(line));
        }
    }

    /** The bytes through {@link MaskingOutputStream}: decoding, line splitting and re-encoding included. */
    @Benchmark
    public void exoTokenStream(Blackhole sink) throws IOException {
        OutputStream consumer = new OutputStream() {
            @Override
            public void write(int b) {
                sink.consume(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.consume(len);
            }
        };
        try (MaskingOutputStream out = new MaskingOutputStream(consumer, masker, StandardCharsets.UTF_8)) {
            for (int i = 0; i < bytes.length; i += 8192) {
                out.write(bytes, i, Math.min(8192, bytes.length - i));
            }
        }
    }

    @Benchmark
    public void regexAlternationLines(Blackhole sink) {
        for (String line : lines) {
            sink.consume(alternation.matcher(line).replaceAll("****"));
        }
    }
}
