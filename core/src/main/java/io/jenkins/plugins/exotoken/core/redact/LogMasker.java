package io.jenkins.plugins.exotoken.core.redact;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Masks a {@link LogMask}'s values, in all their forms, and token shapes in lines of a log, replacing each with
 * {@link Redactor#MASK}. Time linear in the text whatever it holds (Aho–Corasick for the forms, a bounded scan
 * for token shapes): a hostile line cannot make it backtrack.
 *
 * <p>Immutable and thread-safe. Built by {@link LogMask#masker()}; wrap a stream with {@link MaskingOutputStream}.
 */
public final class LogMasker {

    private final @Nullable Literals literals;
    private final int forms;
    private final int longestForm;

    LogMasker(Set<String> forms) {
        this.literals = forms.isEmpty() ? null : new Literals(forms);
        this.forms = forms.size();
        this.longestForm = forms.stream().mapToInt(String::length).max().orElse(0);
    }

    /** The text with every form of every value and every token shape replaced by {@link Redactor#MASK}. */
    public String mask(String text) {
        Spans spans = find(text);
        return spans.isEmpty() ? text : spans.apply(text, Redactor.MASK);
    }

    /** Where the text must be masked. */
    Spans find(String text) {
        Spans spans = new Spans();
        if (literals != null) {
            literals.find(text, spans);
        }
        TokenShape.find(text, spans);
        return spans;
    }

    /** The length of the longest literal form: text that may still complete one must be kept back when cutting. */
    int longestForm() {
        return longestForm;
    }

    @Override
    public String toString() {
        return "LogMasker[" + forms + " forms and token shapes]";
    }
}
