package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code hudson.Util}; the string helpers behave as upstream's. */
public class Util {

    @NonNull
    public static String fixNull(@CheckForNull String s) {
        return s != null ? s : "";
    }

    @CheckForNull
    public static String fixEmpty(@CheckForNull String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return s;
    }

    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        if (s == null) {
            return null;
        }
        return fixEmpty(s.trim());
    }
}
