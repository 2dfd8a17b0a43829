package io.jenkins.plugins.exotoken.binding;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Run;
import io.jenkins.plugins.exotoken.core.redact.LogMask;
import io.jenkins.plugins.exotoken.core.redact.MaskingOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a block keeps in the Pipeline's program state, and what its log shows. */
class MaskingStateTest {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9."
            + "c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1mb3ItdGVzdHM";
    private static final String PASSWORD = "pfx-Password-7Qz";

    @Test
    void theSerializedFilterAndVariablesHoldNoValueInPlainText() throws Exception {
        MaskingConsoleFilter filter = new MaskingConsoleFilter(LogMask.of(List.of(TOKEN, PASSWORD)),
                StandardCharsets.UTF_8);
        TokenEnvironmentExpander environment = new TokenEnvironmentExpander(
                Map.of("EXO_ACCESS_TOKEN", TOKEN, "EXO_CERTIFICATE_PASSWORD", PASSWORD), Set.of("EXO_ACCESS_TOKEN"));

        String serialized = serialize(filter) + serialize(environment);

        assertThat(serialized).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 40)).doesNotContain(PASSWORD);
        assertThat(environment.plainValues()).containsEntry("EXO_ACCESS_TOKEN", TOKEN)
                .containsEntry("EXO_CERTIFICATE_PASSWORD", PASSWORD);
        assertThat(environment.getSensitiveVariables()).containsExactly("EXO_ACCESS_TOKEN");
    }

    @Test
    void theFilterMasksTheValuesAndTokensRenewedLater() throws Exception {
        MaskingConsoleFilter filter = new MaskingConsoleFilter(LogMask.of(List.of(TOKEN, PASSWORD)),
                StandardCharsets.UTF_8);
        String renewed = "eyJ0eXAiOiJKV1QifQ.eyJuZXciOiJ0b2tlbi1yZW5ld2VkLWxhdGVyIn0.bmV3LXNpZ25hdHVyZS12YWx1ZQ";
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        try (OutputStream out = filter.decorateLogger((Run<?, ?>) null, log)) {
            out.write(("token=" + TOKEN + "\npassword: '" + PASSWORD + "'\nrenewed " + renewed + "\nplain line\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        assertThat(log.toString(StandardCharsets.UTF_8))
                .isEqualTo("token=****\npassword: '****'\nrenewed ****\nplain line\n");
    }

    @Test
    void aFreestyleBuildIsMaskedForTokenShapesFromItsFirstLineAndForItsValuesOnceBound() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // What the wrapper's decorateLogger installs for build job/x#1 when the build starts.
        try (OutputStream out = new MaskingOutputStream(log, () -> FreestyleMasks.masker("job/x#1"),
                StandardCharsets.UTF_8)) {
            out.write(("before " + TOKEN + " " + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            FreestyleMasks.publish("job/x#1", LogMask.of(List.of(TOKEN, PASSWORD)));
            out.write(("after " + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            FreestyleMasks.forget("job/x#1");
        }

        assertThat(log.toString(StandardCharsets.UTF_8))
                .isEqualTo("before **** " + PASSWORD + "\nafter ****\n");
    }

    private static String serialize(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
