package io.jenkins.plugins.exotoken.core.redact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms in which a secret can come back in a remote answer: as sent (plain, or form-encoded in a request
 * body), percent-encoded with {@code %20} or with lower-case hex, escaped in JSON, or in Base64 (standard or
 * URL-safe, with or without padding, alone or inside a longer encoded text such as a Basic credential).
 */
final class SecretForms {

    /** Base64 characters that depend on the secret alone, when the secret sits inside a longer encoded text. */
    private static final int MIN_EMBEDDED = 6;
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-F]{2}");

    private SecretForms() {}

    /** A token as it travels: plain, percent-encoded and JSON-escaped, not Base64 (its shape is masked anyway). */
    static Set<String> ofToken(String value) {
        Set<String> forms = new LinkedHashSet<>();
        addTextForms(forms, value);
        return forms;
    }

    /** A long-lived secret (client secret, password): every form. */
    static Set<String> ofSecret(String value) {
        Set<String> forms = new LinkedHashSet<>();
        addTextForms(forms, value);
        String stripped = value.strip();
        if (!stripped.isEmpty() && !stripped.equals(value)) {
            addTextForms(forms, stripped);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
            forms.add(encoder.encodeToString(bytes));
            forms.add(encoder.withoutPadding().encodeToString(bytes));
            for (int offset = 0; offset < 3; offset++) {
                String embedded = embedded(encoder, bytes, offset);
                if (embedded.length() >= MIN_EMBEDDED) {
                    forms.add(embedded);
                }
            }
        }
        forms.add(json(Base64.getEncoder().encodeToString(bytes)));
        return forms;
    }

    private static void addTextForms(Set<String> forms, String value) {
        forms.add(value);
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        String percent = form.replace("+", "%20"); // URLEncoder writes a '+' of the value as %2B: '+' was a space
        for (String encoded : new String[] {form, percent}) {
            forms.add(encoded);
            forms.add(lowerHex(encoded));
        }
        forms.add(json(value));
    }

    /**
     * The Base64 characters determined by the secret's bits alone when it follows {@code offset} other bytes:
     * the same characters appear whatever comes before or after it (e.g. {@code client-id:secret}).
     */
    private static String embedded(Base64.Encoder encoder, byte[] secret, int offset) {
        byte[] shifted = new byte[offset + secret.length];
        System.arraycopy(secret, 0, shifted, offset, secret.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int first = (8 * offset + 5) / 6; // first character whose 6 bits all lie inside the secret
        int end = 8 * (offset + secret.length) / 6; // characters before this end lie wholly inside
        return first >= end ? "" : encoded.substring(first, end);
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
    }

    private static String lowerHex(String encoded) {
        Matcher m = PERCENT.matcher(encoded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().toLowerCase(Locale.ROOT));
        }
        return m.appendTail(out).toString();
    }
}
