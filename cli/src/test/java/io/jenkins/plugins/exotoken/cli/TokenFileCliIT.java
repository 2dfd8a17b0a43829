package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exo-token exec --token-file}: a file renewed while the command runs, gone however the command ends. */
class TokenFileCliIT {

    /** Short enough that a renewal comes within seconds (at half of it: the minimum validity is capped there). */
    private static final Duration LIFETIME = Duration.ofSeconds(6);
    private static final String JWT = "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
    private static final EntraSimulator entra = EntraSimulator.start();
    private static final TestApp app = new TestApp(entra);
    private static CliProcess cli;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        entra.tokenLifetime(LIFETIME);
        cli = CliProcess.trusting(entra, dir);
    }

    @AfterAll
    static void stop() {
        entra.close();
    }

    private static List<String> exec(String script, String... args) {
        List<String> all = new ArrayList<>(List.of("exec", "--tenant", app.tenantId, "--client-id", app.clientId,
                "--cloud", "custom", "--authority-host", entra.authorityHost(), "--client-secret-env", "EXO_SECRET",
                "--token-file", "--", "sh", "-c", script, "sh"));
        all.addAll(Arrays.asList(args));
        return all;
    }

    @Test
    void theCommandReadsTwoDifferentCompleteTokensAcrossARenewalAndTheFileIsGoneAfterExitZero() throws Exception {
        Path seen = dir.resolve("renewal.txt");
        // Reads the file until its token changes (at most 30 s), then writes the path and both tokens.
        String script = "f=\"$EXO_ACCESS_TOKEN_FILE\"; first=$(cat \"$f\"); i=0;"
                + " while [ \"$(cat \"$f\")\" = \"$first\" ]; do i=$((i+1)); [ $i -gt 300 ] && exit 9; sleep 0.1; done;"
                + " printf '%s\\n%s\\n%s\\n' \"$f\" \"$first\" \"$(cat \"$f\")\" > \"$1\"";

        CliProcess.Result result = cli.run(Map.of("EXO_SECRET", app.secret), exec(script, seen.toString()));

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(seen);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).matches(JWT);
        assertThat(lines.get(2)).matches(JWT).isNotEqualTo(lines.get(1));
        assertThat(entra.verifyIssued(lines.get(2))).isNotNull();
        Path file = Path.of(lines.get(0));
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void theFileIsOwnerOnlyInAPrivateDirectoryAndGoneAfterTheCommandFailsWithExit3() throws Exception {
        Path seen = dir.resolve("failing.txt");
        String script = "f=\"$EXO_ACCESS_TOKEN_FILE\"; printf '%s\\n%s\\n%s\\n' \"$f\" \"$(stat -c %a \"$f\")\""
                + " \"$(stat -c %a \"$(dirname \"$f\")\")\" > \"$1\"; exit 3";

        CliProcess.Result result = cli.run(Map.of("EXO_SECRET", app.secret), exec(script, seen.toString()));

        assertThat(result.exit()).as(result.err()).isEqualTo(3);
        List<String> lines = Files.readAllLines(seen);
        assertThat(lines.subList(1, 3)).containsExactly("600", "700");
        assertThat(Path.of(lines.get(0))).doesNotExist();
        assertThat(Path.of(lines.get(0)).getParent()).doesNotExist();
    }

    @Test
    void whenTheCliIsSentSigtermItEndsTheCommandAndRemovesTheFile() throws Exception {
        // Prints the file's path and its own process id, then waits to be ended.
        Process process = cli.start(Map.of("EXO_SECRET", app.secret),
                exec("echo \"$EXO_ACCESS_TOKEN_FILE\"; echo $$; exec sleep 300"));
        Path file;
        long commandPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            file = Path.of(out.readLine());
            commandPid = Long.parseLong(out.readLine());
            assertThat(Files.readString(file)).matches(JWT);

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
        ProcessHandle.of(commandPid).ifPresent(command -> assertThat(command.onExit()).succeedsWithin(Duration.ofSeconds(30)));
    }
}
