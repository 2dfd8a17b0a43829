package hudson;

import java.io.File;
import java.util.TreeMap;

/**
 * Compile-only declaration of {@code hudson.EnvVars} (jenkinsci/jenkins core): environment variables, keys compared
 * case-insensitively as upstream.
 */
public class EnvVars extends TreeMap<String, String> {

    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    /**
     * Upstream's rule: an empty or null value removes the variable; {@code PATH+XYZ} prepends the value to
     * {@code PATH} (with this JVM's path separator: the stub does not know the agent's platform).
     */
    public void override(String key, String value) {
        if (value == null || value.isEmpty()) {
            remove(key);
            return;
        }
        int idx = key.indexOf('+');
        if (idx > 0) {
            String realKey = key.substring(0, idx);
            String v = get(realKey);
            put(realKey, v == null ? value : value + File.pathSeparatorChar + v);
            return;
        }
        put(key, value);
    }

}
