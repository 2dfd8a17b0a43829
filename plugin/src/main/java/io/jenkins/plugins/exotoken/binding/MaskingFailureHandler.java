package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.exotoken.core.redact.LogMasker;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Masks a block's secrets in the message of a failure that leaves the block (e.g. a step that quoted the token
 * in its error), so the build's result and log never show them.
 */
final class MaskingFailureHandler implements FailureHandler {

    private static final long serialVersionUID = 1L;

    private final MaskingConsoleFilter filter;

    MaskingFailureHandler(MaskingConsoleFilter filter) {
        this.filter = filter;
    }

    @NonNull
    @Override
    public Throwable handle(@NonNull StepContext ctx, @NonNull Throwable t) {
        LogMasker masker = filter.mask().masker();
        String message = t.getMessage();
        if (message == null || masker.mask(message).equals(message)) {
            return t;
        }
        return new MaskedFailure(masker.mask(t.toString()), t.getStackTrace());
    }

    /** A failure whose text had secrets: its masked text and its place, not its (unmasked) cause. */
    static final class MaskedFailure extends Exception {
        private static final long serialVersionUID = 1L;

        MaskedFailure(String maskedText, StackTraceElement[] stackTrace) {
            super(maskedText, null, false, true);
            setStackTrace(stackTrace);
        }
    }
}
