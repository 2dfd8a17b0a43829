package io.jenkins.plugins.exotoken.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {

    private static final String SECRET = "Kq8~xY.z-w_Secret";
    private static final String JWT = LogMaskTest.JWT;

    private final LogMasker masker = LogMask.of(List.of(SECRET)).masker();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    private String written() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passesALineWithNothingToMaskOnByteForByteEvenWhenItIsNotValidUtf8() throws IOException {
        byte[] line = {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'b', '\r', '\n'};
        try (MaskingOutputStream out = new MaskingOutputStream(sink, masker, StandardCharsets.UTF_8)) {
            out.write(line);
        }

        assertThat(sink.toByteArray()).isEqualTo(line);
    }

    @Test
    void masksASecretAndATokenWrittenOneByteAtATimeWithMultibyteCharactersAround() throws IOException {
        String text = "é " + SECRET + " 漢字 Bearer " + JWT + " ü\nnext line\n";
        try (MaskingOutputStream out = new MaskingOutputStream(sink, masker, StandardCharsets.UTF_8)) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
            }
        }

        assertThat(written()).isEqualTo("é **** 漢字 Bearer **** ü\nnext line\n");
    }

    @Test
    void flushHoldsAHalfLineWhichMayEndWithHalfASecretAndCloseMasksIt() throws IOException {
        MaskingOutputStream out = new MaskingOutputStream(sink, masker, StandardCharsets.UTF_8);
        out.write(("done\nkey: " + SECRET.substring(0, 5)).getBytes(StandardCharsets.UTF_8));
        out.flush();

        assertThat(written()).isEqualTo("done\n");

        out.write((SECRET.substring(5) + " (no newline)").getBytes(StandardCharsets.UTF_8));
        out.close();

        assertThat(written()).isEqualTo("done\nkey: **** (no newline)");
    }

    @Test
    void closeClosesTheStreamBelowOnceAndLaterWritesFail() throws IOException {
        int[] closes = {0};
        OutputStream below = new OutputStream() {
            @Override
            public void write(int b) {}

            @Override
            public void close() {
                closes[0]++;
            }
        };
        MaskingOutputStream out = new MaskingOutputStream(below, masker, StandardCharsets.UTF_8);
        out.close();
        out.close();

        assertThat(closes[0]).isEqualTo(1);
        assertThatThrownBy(() -> out.write('x')).isInstanceOf(IOException.class);
    }

    @Test
    void aLineLongerThanTheBufferIsPassedOnInPiecesWithEverySecretMaskedWhereverItFalls() throws IOException {
        for (int offset = 0; offset < 80; offset++) {
            StringBuilder line = new StringBuilder("x".repeat(offset));
            for (int i = 0; line.length() < 8000; i++) {
                line.append(i % 3 == 0 ? SECRET : i % 3 == 1 ? JWT : "word").append(i % 2 == 0 ? ' ' : ',');
            }
            sink.reset();
            try (MaskingOutputStream out = new MaskingOutputStream(sink, masker, StandardCharsets.UTF_8, 512)) {
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }

            assertThat(written()).as("offset %d", offset).isEqualTo(masker.mask(line.toString()));
        }
    }

    @Test
    void aTokenShapedRunLongerThanTheBufferIsMaskedToItsEndAndTheLineGoesOn() throws IOException {
        String run = "eyJhbGciOiJSUzI1NiJ9." + "aB3-_.".repeat(500_000); // 3 MB without a break
        try (MaskingOutputStream out = new MaskingOutputStream(sink, masker, StandardCharsets.UTF_8, 4096)) {
            out.write(("start " + run + " end\nnext " + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(written()).isEqualTo("start **** end\nnext ****\n");
    }

    @Test
    void aRunOfTokenCharactersThatIsNoTokenIsPassedOnWhole() throws IOException {
        String run = "aB3-_.".repeat(500_000) + "eyJ"; // 3 MB of Base64url characters and dots, no token header
        try (MaskingOutputStream out = new MaskingOutputStream(sink, masker, StandardCharsets.UTF_8, 4096)) {
            out.write((run + "\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(written()).isEqualTo(run + "\n");
    }

    @Test
    void aMultibyteCharacterCutByTheBufferSurvives() throws IOException {
        String line = "漢".repeat(1000) + " " + SECRET + " " + "ü".repeat(1000);
        try (MaskingOutputStream out = new MaskingOutputStream(sink, masker, StandardCharsets.UTF_8, 97)) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(written()).isEqualTo("漢".repeat(1000) + " **** " + "ü".repeat(1000));
    }

    @Test
    void aTokenLongerThanHalfTheBufferShowsAtMostPartOfItsHeaderWhereverItIsCut() throws IOException {
        String[] parts = JWT.split("\\.");
        for (int offset = 0; offset < 200; offset++) {
            String line = "y".repeat(offset) + " " + JWT + " " + SECRET + " end";
            sink.reset();
            try (MaskingOutputStream out = new MaskingOutputStream(sink, masker, StandardCharsets.UTF_8, 128)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }

            assertThat(written()).as("offset %d", offset).doesNotContain(parts[1].substring(0, 8), parts[2]
                    .substring(0, 8), SECRET).endsWith(" **** end");
        }
    }
}
