package net.sf.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compile-only declaration of {@code net.sf.json.JSONObject} (jenkinsci/json-lib {@code 2.4-jenkins}, which is not on
 * Maven Central): a submitted form's JSON. It holds its values so unit tests can build a form; the typed
 * {@code opt*} readers convert as upstream's do. Not modelled: upstream parses a JSON-looking string value into
 * JSON (the stub keeps the string), and its "null object" form.
 */
public final class JSONObject {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    public JSONObject() {}

    public JSONObject element(String key, boolean value) {
        return element(key, (Object) value);
    }

    public JSONObject element(String key, int value) {
        return element(key, (Object) value);
    }

    /** As upstream: a {@code null} value removes the key; a {@code null} key is refused. */
    public JSONObject element(String key, Object value) {
        if (key == null) {
            throw new IllegalArgumentException("Null key.");
        }
        if (value != null) {
            properties.put(key, value);
        } else {
            properties.remove(key);
        }
        return this;
    }

    /** {@code true} for {@code true} or the string {@code "true"} (any case), else {@code false}. */
    public boolean optBoolean(String key) {
        Object o = key == null ? null : properties.get(key);
        return Boolean.TRUE.equals(o) || o instanceof String s && s.equalsIgnoreCase("true");
    }

    /** A number, or a string holding one (its integer part), else the default. */
    public int optInt(String key, int defaultValue) {
        Object o = key == null ? null : properties.get(key);
        if (o instanceof Number n) {
            return n.intValue();
        }
        if (o instanceof String s) {
            try {
                return (int) Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return defaultValue;
            }
        }
        return defaultValue;
    }

    /** The value as text, {@code ""} when absent. */
    public String optString(String key) {
        Object o = key == null ? null : properties.get(key);
        return o != null ? o.toString() : "";
    }
}
