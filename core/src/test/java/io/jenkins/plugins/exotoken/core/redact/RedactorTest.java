package io.jenkins.plugins.exotoken.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String SECRET = "Kq8~x Y+z/w=.Ab_c-d\"9\\v";
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sifQ"
            + ".c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";

    private final Redactor redactor = Redactor.tokenShapes().withSecret(SECRET);

    @Test
    void masksThePlainSecret() {
        assertThat(redactor.redact("AADSTS7000215: Invalid client secret '" + SECRET + "' provided."))
                .isEqualTo("AADSTS7000215: Invalid client secret '****' provided.");
    }

    @Test
    void masksTheSecretFormEncodedWithPlusOrPercent20AndEitherHexCase() {
        String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertThat(form).contains("+", "%7E");
        String percent20 = form.replace("+", "%20");
        String lower = java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(percent20)
                .replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT));

        for (String encoded : new String[] {form, percent20, lower}) {
            assertThat(redactor.redact("grant_type=client_credentials&client_secret=" + encoded + "&scope=x"))
                    .isEqualTo("grant_type=client_credentials&client_secret=****&scope=x");
        }
    }

    @Test
    void masksTheSecretInBase64StandardOrUrlSafePaddedOrNot() {
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder(),
                Base64.getEncoder().withoutPadding(), Base64.getUrlEncoder().withoutPadding()}) {
            String encoded = encoder.encodeToString(bytes);

            assertThat(redactor.redact("echo " + encoded + " end")).isEqualTo("echo **** end");
            assertThat(redactor.redact("echo " + encoded + "AB")).doesNotContain(encoded.replace("=", ""));
        }
    }

    @Test
    void masksTheSecretInsideALongerBase64TextSuchAsABasicCredential() {
        for (String prefix : new String[] {"", "a", "ab", "client-id:", "0f5e6c1a-2b3d:"}) {
            for (String suffix : new String[] {"", "x", "\n"}) {
                String basic = Base64.getEncoder()
                        .encodeToString((prefix + SECRET + suffix).getBytes(StandardCharsets.UTF_8));

                String shown = redactor.redact("Authorization: Basic " + basic);

                assertThat(shown).contains(Redactor.MASK);
                // what remains is at most the characters that mix the secret's bits with its neighbours'
                assertThat(shown.length()).isLessThanOrEqualTo(("Authorization: Basic " + Redactor.MASK).length()
                        + 4 * (prefix.length() + suffix.length() + 2) / 3 + 2);
            }
        }
    }

    @Test
    void masksTheSecretEscapedInJson() {
        String json = SECRET.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");

        assertThat(redactor.redact("{\"body\":\"client_secret=" + json + "\"}"))
                .isEqualTo("{\"body\":\"client_secret=****\"}");
    }

    @Test
    void masksTheSecretWithoutItsSurroundingWhitespace() {
        Redactor padded = Redactor.tokenShapes().withSecret("  hunter2-and-more\n");

        assertThat(padded.redact("password=hunter2-and-more;")).isEqualTo("password=****;");
    }

    @Test
    void masksATokenItWasGivenEvenWhenItIsNotTokenShaped() {
        Redactor withToken = Redactor.tokenShapes().withToken("opaque.token/value+1");

        assertThat(withToken.redact("Authorization: Bearer opaque.token/value+1"))
                .isEqualTo("Authorization: Bearer ****");
        assertThat(withToken.redact("token=opaque.token%2Fvalue%2B1")).isEqualTo("token=****");
    }

    @Test
    void masksTokenShapedTextWhereverItStands() {
        Redactor shapes = Redactor.tokenShapes();

        assertThat(shapes.redact("Authorization: Bearer " + JWT)).isEqualTo("Authorization: Bearer ****");
        assertThat(shapes.redact("client_assertion=" + JWT + "&client_id=1")).isEqualTo("client_assertion=****&client_id=1");
        assertThat(shapes.redact("%22" + JWT + "%22")).isEqualTo("%22****%22");
        assertThat(shapes.redact("{\"access_token\":\"" + JWT + "\"}")).isEqualTo("{\"access_token\":\"****\"}");
        // an encrypted token: five segments, some may be empty
        assertThat(shapes.redact("jwe " + "eyJhbGciOiJkaXIifQ..aXZpdmphbGFz.Y2lwaGVydGV4dA.dGFn" + " end"))
                .isEqualTo("jwe **** end");
        // an unsigned token ends with its dot
        assertThat(shapes.redact("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. rest")).isEqualTo("**** rest");
    }

    @Test
    void leavesOrdinaryMessagesAlone() {
        String message = "Entra ID refused a token for app 0f5e6c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b in tenant"
                + " contoso.onmicrosoft.com: AADSTS700016: Application not found. Hint: keyJar eyJ eyJabc.def"
                + " eyJhbGciOiJ (trace id 4b2c-11, correlation id 9f8e) https://login.microsoftonline.com/x/oauth2";

        assertThat(redactor.redact(message)).isSameAs(message);
        assertThat(redactor.redact(null)).isNull();
        assertThat(redactor.redact("")).isEmpty();
    }

    @Test
    void redactsTheMessagesOfEveryCauseInAStackTrace() {
        Exception failure = new IllegalStateException("outer",
                new RuntimeException("echo client_secret=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)
                        + " Bearer " + JWT));

        String trace = redactor.stackTrace(failure);

        assertThat(trace).contains("outer", "Caused by: java.lang.RuntimeException: echo client_secret=**** Bearer ****",
                "\tat ");
        assertThat(trace).doesNotContain(JWT, URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
    }

    @Test
    void takesLinearTimeOnHostileMultiMegabyteLines() {
        int size = 4 << 20;
        String[] hostile = {
            "eyJ".repeat(size / 3), // candidates everywhere, no dot
            "eyJhbGci.".repeat(size / 9), // header and dot, payload too short each time
            "eyJhbGciOi.eyJ".repeat(size / 14), // the payload is itself a candidate
            "a".repeat(size) + ".", // one long segment
            "eyJ" + "A".repeat(size) + ".x", // a long header, then a too-short payload
            ".".repeat(size),
            "Kq8~x Y+z/w=.Ab_c-d".repeat(size / 19), // the secret's prefix, over and over
        };
        Redactor withLongSecret = redactor.withSecret("a".repeat(200) + "b");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String line : hostile) {
                withLongSecret.redact(line);
            }
        });
        // and a real token among megabytes of near-misses is still found
        String mixed = "eyJhbGci.".repeat(100_000) + " " + JWT + " " + "eyJ".repeat(100_000);
        assertThat(redactor.redact(mixed)).doesNotContain(JWT).contains(" **** ");
    }
}
