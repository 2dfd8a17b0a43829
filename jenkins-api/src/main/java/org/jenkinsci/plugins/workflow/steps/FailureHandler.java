package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Compile-only declaration of {@code FailureHandler} (jenkinsci/workflow-step-api-plugin): rewrites a failure
 * leaving a block. Upstream marks it {@code @Restricted(Beta.class)}.
 */
@FunctionalInterface
public interface FailureHandler extends Serializable {

    @NonNull
    Throwable handle(@NonNull StepContext ctx, @NonNull Throwable t);

    /** As upstream: the original handler first, then the subsequent one; just that one without an original. */
    static FailureHandler merge(@CheckForNull FailureHandler original, @NonNull FailureHandler subsequent) {
        if (original == null) {
            return subsequent;
        }
        return (ctx, t) -> subsequent.handle(ctx, original.handle(ctx, t));
    }
}
