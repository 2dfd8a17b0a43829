package io.jenkins.plugins.exotoken.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Secret values: characters are handed out only for a call and cleared after; fingerprints are keyed. */
class SecretMaterialTest {

    @Test
    void withCharsHandsOverTheCharactersAndZeroesThemWhenTheCallReturns() {
        char[][] seen = new char[1][];

        String during = SecretValue.of("hunter2").withChars(chars -> {
            seen[0] = chars;
            return new String(chars);
        });

        assertThat(during).isEqualTo("hunter2");
        assertThat(seen[0]).hasSize(7).containsOnly('\0');
    }

    @Test
    void withCharsZeroesTheCharactersWhenTheCallThrows() {
        char[][] seen = new char[1][];

        assertThatThrownBy(() -> SecretValue.of("hunter2").withChars(chars -> {
            seen[0] = chars;
            throw new InvalidInputException("refused");
        })).isInstanceOf(InvalidInputException.class);
        assertThat(seen[0]).hasSize(7).containsOnly('\0');
    }

    @Test
    void keyedDigestIsStableWithinAProcessAndDiffersInAnother() {
        byte[] secret = "s3cr3t".getBytes(StandardCharsets.UTF_8);
        KeyedDigest thisProcess = KeyedDigest.random();
        KeyedDigest otherProcess = KeyedDigest.random();

        assertThat(thisProcess.hex(secret)).isEqualTo(thisProcess.hex(secret));
        assertThat(otherProcess.hex(secret)).isNotEqualTo(thisProcess.hex(secret));
    }

    @Test
    void keyedDigestSeparatesItsParts() {
        KeyedDigest digest = KeyedDigest.random();

        assertThat(digest.hex(bytes("ab"), bytes("c"))).isNotEqualTo(digest.hex(bytes("a"), bytes("bc")));
    }

    @Test
    void clientSecretVersionIsStableButNotABareSha256OfTheSecret() throws Exception {
        String secret = "abc~" + System.nanoTime();
        String bareSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(secret)));

        String version = ClientSecret.of("test", SecretValue.of(secret)).version();

        assertThat(version).doesNotContain(bareSha256)
                .isEqualTo(ClientSecret.of("test", SecretValue.of(secret)).version())
                .isNotEqualTo(ClientSecret.of("test", SecretValue.of(secret + "x")).version());
        assertThat(SecretValue.of(secret)).isEqualTo(SecretValue.of(secret)).isNotEqualTo(SecretValue.of(secret + "x"))
                .hasSameHashCodeAs(SecretValue.of(secret));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
