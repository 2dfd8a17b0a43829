package io.jenkins.plugins.exotoken.core.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for secrets in text a user or a log would see, in every form an echoing endpoint could send them back
 * in: plain, form-encoded ({@code +} or {@code %20}, either hex case), Base64 (standard or URL-safe, padded or
 * not); and for anything shaped like a JSON Web Token (assertions, access tokens). Written apart from the code
 * under test, so that it checks that code rather than repeats it.
 */
public final class Leaks {

    private static final Pattern TOKEN_SHAPE = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-F]{2}");

    private Leaks() {}

    /** The forms of a secret looked for. */
    public static Set<String> forms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        for (String encoded : List.of(form, form.replace("+", "%20"))) {
            forms.add(encoded);
            forms.add(PERCENT.matcher(encoded).replaceAll(m -> m.group().toLowerCase(Locale.ROOT)));
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        return forms;
    }

    /**
     * What leaked into {@code text}: each secret (by name) found in one of its forms, and each token-shaped
     * string; empty when nothing did.
     */
    public static List<String> in(String text, Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        secrets.forEach((name, secret) -> {
            for (String form : forms(secret)) {
                if (text.contains(form)) {
                    found.add(name + " as '" + form + "'");
                }
            }
        });
        Matcher shape = TOKEN_SHAPE.matcher(text);
        while (shape.find()) {
            found.add("token-shaped '" + shape.group() + "…'");
        }
        return found;
    }
}
