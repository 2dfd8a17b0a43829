package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code exo-token.jar} in its own JVM, as a user would, and captures what it prints. */
final class CliProcess {

    record Result(int exit, String out, String err) {}

    private final Path jar = Path.of(System.getProperty("exotoken.cli.jar", "target/exo-token.jar"));
    private final List<String> jvmOptions;

    CliProcess(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    /** A CLI that trusts the simulator's CA through the JVM's trust-store properties, the store kept in {@code dir}. */
    static CliProcess trusting(EntraSimulator simulator, Path dir) throws IOException {
        Path trust = dir.resolve("trust.p12");
        Files.write(trust, TestPki.trustStore(simulator.caCertificate(), "changeit"));
        return new CliProcess(List.of("-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=changeit"));
    }

    Result run(Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        ProcessBuilder builder = builder(environment, args);
        Path out = Files.createTempFile("exo-token-out", ".txt");
        Path err = Files.createTempFile("exo-token-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("exo-token did not finish within 60 s: " + args);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts exo-token and returns at once: the test reads its output as it comes, and ends it (e.g. a signal). */
    Process start(Map<String, String> environment, List<String> args) throws IOException {
        return builder(environment, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private ProcessBuilder builder(Map<String, String> environment, List<String> args) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests with mvn verify");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }
}
