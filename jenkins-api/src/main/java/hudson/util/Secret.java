package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Compile-only declaration of {@code hudson.util.Secret}; holds its text so unit tests can read it back.
 *
 * <p>Upstream encrypts with the controller's key (AES, stored in {@code secrets/}). The stub has no key: its
 * "encrypted" form is a keyless stand-in, {@code "{" + Base64(UTF-8 of a marker + the text) + "}"}, the same
 * shape as upstream's ({@code {...}}, Base64 inside) and never the plain text, which {@link #decrypt(String)}
 * reverses exactly; anything else decrypts to {@code null}, as upstream's does for what its key cannot decrypt.
 * It hides the text from a casual look only: never a protection.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String STAND_IN_MARKER = "\u0000exo-token-jenkins-api keyless stand-in\u0000";

    @NonNull
    private final String value;

    // Package-private upstream as well; callers go through fromString.
    Secret(String value) {
        this.value = value;
    }

    @NonNull
    public String getPlainText() {
        return value;
    }

    /** The keyless stand-in of upstream's encrypted form (see the class comment). */
    public String getEncryptedValue() {
        byte[] payload = (STAND_IN_MARKER + value).getBytes(StandardCharsets.UTF_8);
        return "{" + Base64.getEncoder().encodeToString(payload) + "}";
    }

    /** Reverses {@link #getEncryptedValue()}; {@code null} for anything that is not its output, as upstream. */
    @CheckForNull
    public static Secret decrypt(@CheckForNull String data) {
        if (data == null || data.length() < 3 || !data.startsWith("{") || !data.endsWith("}")) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getDecoder().decode(data.substring(1, data.length() - 1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return text.startsWith(STAND_IN_MARKER) ? new Secret(text.substring(STAND_IN_MARKER.length())) : null;
    }

    /** As upstream: text in the encrypted form is decrypted, any other text (null as empty) taken as it is. */
    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        String text = data == null ? "" : data;
        Secret decrypted = decrypt(text);
        return decrypted != null ? decrypted : new Secret(text);
    }
}
