package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code hudson.util.Secret}; holds its text so unit tests can read it back. */
public final class Secret {

    private final String value;

    // Package-private upstream as well; callers go through fromString.
    Secret(String value) {
        this.value = value;
    }

    @NonNull
    public String getPlainText() {
        return value;
    }

    /** Upstream also decrypts values that look encrypted; the stub has no key, so it keeps the text as given. */
    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        return new Secret(data == null ? "" : data);
    }
}
