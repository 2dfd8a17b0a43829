package io.jenkins.plugins.exotoken.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogMaskTest {

    /** Shaped like an Entra client secret, with the characters each quoting style escapes. */
    private static final String SECRET = "Kq8~x'Y\"z$w&%^<a>b|c(d)`e\\f/g+h i";
    private static final String PASSWORD = "Export-Pa55!";
    static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1"
            + "LmNvbSIsInJvbGVzIjpbIkV4Y2hhbmdlLk1hbmFnZUFzQXBwIl19.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";

    private final LogMasker masker = LogMask.of(List.of(SECRET, PASSWORD)).masker();

    @Test
    void aTokenNeverAddedIsMaskedByItsShapeWhereverItIsPrinted() {
        LogMasker shapesOnly = LogMask.tokenShapes().masker();

        assertThat(shapesOnly.mask("Authorization: Bearer " + JWT + "\r\n")).isEqualTo("Authorization: Bearer ****\r\n");
        assertThat(shapesOnly.mask("{\"access_token\":\"" + JWT + "\",\"x\":1}"))
                .isEqualTo("{\"access_token\":\"****\",\"x\":1}");
        assertThat(shapesOnly.mask("token=" + JWT + "&next")).isEqualTo("token=****&next");
    }

    @Test
    void aTokenAddedAsAValueAddsNoFormBecauseItsShapeIsMaskedAnyway() {
        assertThat(LogMask.tokenShapes().with(JWT).forms()).isEmpty();
        assertThat(LogMask.tokenShapes().with("opaque-token-value").forms()).contains("opaque-token-value");
    }

    @Test
    void masksThePlainValues() {
        assertThat(masker.mask("secret " + SECRET + ", password " + PASSWORD + "."))
                .isEqualTo("secret ****, password ****.");
    }

    @Test
    void masksTheFormsAScriptPrintsWhenItQuotesOrEscapesTheValue() {
        List<String> printed = List.of(
                SECRET.replace("'", "'\\''"), // bash set -x
                SECRET.replace("'", "'\"'\"'"),
                SECRET.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`"),
                SECRET.replace("'", "''"), // PowerShell single quotes
                SECRET.replace("`", "``").replace("\"", "`\"").replace("$", "`$"), // PowerShell double quotes
                SECRET.replace("\"", "\"\""),
                SECRET.replace("^", "^^").replace("&", "^&").replace("|", "^|").replace("<", "^<")
                        .replace(">", "^>").replace("(", "^(").replace(")", "^)"), // cmd
                SECRET.replace("%", "%%"), // batch file
                SECRET.replace("\\", "\\\\").replace("\"", "\\\""), // JSON
                SECRET.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"), // JSON, '/' escaped
                SECRET.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "\\u0027").replace("<", "\\u003c")
                        .replace(">", "\\u003e").replace("&", "\\u0026"), // Windows PowerShell ConvertTo-Json
                URLEncoder.encode(SECRET, StandardCharsets.UTF_8),
                URLEncoder.encode(SECRET, StandardCharsets.UTF_8).replace("+", "%20"),
                Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));

        for (String form : printed) {
            assertThat(masker.mask("> " + form + " <")).as(form).isEqualTo("> **** <");
        }
    }

    @Test
    void masksTheValueInsideABasicCredential() {
        String basic = Base64.getEncoder().encodeToString(("app-id:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        assertThat(masker.mask("Authorization: Basic " + basic)).doesNotContain(basic)
                .startsWith("Authorization: Basic ").contains("****");
    }

    @Test
    void masksWhatBashPrintsWithSetXAndPrintfQ() throws Exception {
        assumeThat(Path.of("/bin/bash")).exists();
        for (String script : new String[] {"set -x; : \"$S\"", "printf '%q\\n' \"$S\"", "declare -p S"}) {
            String printed = bash(script);
            assertThat(printed).as(script).doesNotContain(SECRET); // it is quoted, not plain

            String masked = masker.mask(printed);

            assertThat(masked).as(printed).contains("****").doesNotContain("Kq8", "h i");
        }
    }

    private static String bash(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true);
        builder.environment().put("S", SECRET);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ab", "  ", "   ", ""})
    void aValueShorterThanThreeCharactersOrBlankIsNotMaskedAtAll(String value) {
        LogMask mask = LogMask.of(List.of(value));

        assertThat(mask.values()).isEmpty();
        assertThat(mask.masker().mask("a b ab abc " + value)).isEqualTo("a b ab abc " + value);
    }

    @Test
    void aThreeCharacterValueIsMasked() {
        assertThat(LogMask.of(List.of("x9z")).masker().mask("key x9z end")).isEqualTo("key **** end");
    }

    @Test
    void isRebuiltFromItsValuesAndMasksTheSame() {
        LogMask mask = LogMask.of(Arrays.asList(SECRET, null, PASSWORD, SECRET, "ab")).with("opaque-token-1");
        String text = "a " + SECRET + " b " + PASSWORD + " c opaque-token-1 d " + JWT;

        LogMask rebuilt = LogMask.of(new ArrayList<>(mask.values()));

        assertThat(mask.values()).containsExactly(SECRET, PASSWORD, "opaque-token-1");
        assertThat(rebuilt).isEqualTo(mask);
        assertThat(rebuilt.masker().mask(text)).isEqualTo(mask.masker().mask(text)).isEqualTo("a **** b **** c **** d ****");
    }

    @Test
    void printsNoValue() {
        LogMask mask = LogMask.of(List.of(SECRET, PASSWORD));

        assertThat(mask.toString()).doesNotContain(SECRET, PASSWORD, "Kq8", "Pa55");
        assertThat(mask.masker().toString()).doesNotContain("Kq8", "Pa55");
    }

    @Test
    void leavesNearMissesAlone() {
        String text = "eyJhbGciOi no dot; eyJ.short.x; " + PASSWORD.substring(0, 8) + " " + SECRET.substring(1);

        assertThat(masker.mask(text)).isEqualTo(text);
    }

    @Test
    void masksAMultiMegabyteHostileLineInLinearTime() {
        StringBuilder dots = new StringBuilder();
        while (dots.length() < 4_000_000) {
            dots.append("eyJabcd.").append("eyJ").append('.').append("Kq8~x'Y"); // near-JWTs and near-secrets
        }
        StringBuilder runs = new StringBuilder();
        while (runs.length() < 4_000_000) {
            runs.append("eyJhbGciOiJSUzI1NiJ9.eyJ ");
        }
        String line = dots.toString();
        String nearJwts = runs.toString();

        // A quadratic scan of 4 million characters would not end for hours; a linear one takes milliseconds.
        String masked = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> masker.mask(line));
        String maskedRuns = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> masker.mask(nearJwts));

        assertThat(masked).startsWith("****").hasSizeLessThan(line.length());
        assertThat(maskedRuns).isEqualTo(nearJwts); // a header and a dot, but no payload: not a token
    }
}
