package io.jenkins.plugins.exotoken.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChangingMaskerStreamTest {

    @Test
    void aMaskerPublishedWhileTheLogIsWrittenMasksTheLinesAfterIt() throws Exception {
        AtomicReference<LogMasker> current = new AtomicReference<>(LogMask.tokenShapes().masker());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (MaskingOutputStream out = new MaskingOutputStream(log, current::get, StandardCharsets.UTF_8)) {
            out.write("checkout: pfx-password-42 is not known yet\n".getBytes(StandardCharsets.UTF_8));
            current.set(LogMask.of(List.of("pfx-password-42")).masker());
            out.write("script: pfx-password-42\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(log.toString(StandardCharsets.UTF_8))
                .isEqualTo("checkout: pfx-password-42 is not known yet\nscript: ****\n");
    }
}
