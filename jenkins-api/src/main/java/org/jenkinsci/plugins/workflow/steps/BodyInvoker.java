package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Compile-only declaration of {@code BodyInvoker} (jenkinsci/workflow-step-api-plugin): starts a step's block. */
public abstract class BodyInvoker {

    /** Upstream adds each object to the body's context; instances come from a running Pipeline only. */
    public BodyInvoker withContexts(Object... overrides) {
        throw new IllegalStateException("compile-only Jenkins API: no Pipeline is running");
    }

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public abstract BodyExecution start();

    /** As upstream: the original filter's output goes through the subsequent one; just that one without an original. */
    public static ConsoleLogFilter mergeConsoleLogFilters(@CheckForNull ConsoleLogFilter original,
            @NonNull ConsoleLogFilter subsequent) {
        if (original == null) {
            return subsequent;
        }
        return new MergedFilter(original, subsequent);
    }

    private static final class MergedFilter extends ConsoleLogFilter implements Serializable {
        private static final long serialVersionUID = 1;
        private final ConsoleLogFilter original;
        private final ConsoleLogFilter subsequent;

        MergedFilter(ConsoleLogFilter original, ConsoleLogFilter subsequent) {
            this.original = original;
            this.subsequent = subsequent;
        }

        @Override
        public OutputStream decorateLogger(Run build, OutputStream logger) throws IOException, InterruptedException {
            return subsequent.decorateLogger(build, original.decorateLogger(build, logger));
        }
    }
}
