package io.jenkins.plugins.exotoken.core.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a block's log must never show: the literal values it received (its token, a client secret, a certificate
 * password, …), and always anything shaped like an access token (a JSON Web Token), so that a token renewed
 * later is masked without being added.
 *
 * <p>A plain value: {@link #values()} is all it holds, and {@link #of} rebuilds it from them, so that it can be
 * carried (encrypted) to wherever output is produced and turned into a {@link #masker()} there.
 *
 * <p>Each value is masked in the forms a script prints it: plain; quoted or escaped for sh/bash, PowerShell and
 * {@code cmd}; JSON-escaped; URL- or form-encoded; and, unless it is itself token-shaped, Base64 (also inside a
 * longer Base64 text such as a Basic credential). A value shorter than {@link #MIN_LENGTH} characters is not
 * masked at all: masking every "ab" or "1" in a log would make it unreadable and hint at the value.
 *
 * @param values the values, without duplicates, blanks or values shorter than {@link #MIN_LENGTH}, in order
 */
public record LogMask(List<String> values) {

    /** Shorter values, and shorter forms of a value, are not masked. */
    public static final int MIN_LENGTH = 3;

    public LogMask {
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank() && value.length() >= MIN_LENGTH) {
                kept.add(value);
            }
        }
        values = List.copyOf(kept);
    }

    /** Token shapes only; add values with {@link #with}. */
    public static LogMask tokenShapes() {
        return new LogMask(List.of());
    }

    /** Masks these values (nulls, blanks and values shorter than {@link #MIN_LENGTH} are dropped) and token shapes. */
    public static LogMask of(Collection<@Nullable String> values) {
        List<String> given = new ArrayList<>(values.size());
        for (String value : values) {
            if (value != null) {
                given.add(value);
            }
        }
        return new LogMask(given);
    }

    /** This mask, also masking {@code value} (ignored when {@code null}, blank or too short). */
    public LogMask with(@Nullable String value) {
        if (value == null || values.contains(value)) {
            return this;
        }
        List<String> more = new ArrayList<>(values);
        more.add(value);
        return new LogMask(more);
    }

    /** A masker for these values; building one costs time linear in the length of all forms, so build it once. */
    public LogMasker masker() {
        return new LogMasker(forms());
    }

    /**
     * Every form of every value at least {@link #MIN_LENGTH} long, except those the token-shape scan masks anyway
     * (a JWT and its forms that leave it unchanged), which keeps the masker small however many tokens are added.
     */
    Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : values) {
            boolean tokenShaped = TokenShape.covers(value);
            // A token is masked as it travels, not in Base64 (as Redactor does): a multi-kilobyte value in nine
            // encodings would make the masker large for a form no script prints.
            forms.addAll(tokenShaped ? SecretForms.ofToken(value) : SecretForms.ofSecret(value));
            forms.addAll(ScriptForms.of(value));
        }
        forms.removeIf(form -> form.length() < MIN_LENGTH || TokenShape.covers(form));
        return forms;
    }

    /** Never prints the values. */
    @Override
    public String toString() {
        return "LogMask[" + values.size() + " values and token shapes]";
    }
}
