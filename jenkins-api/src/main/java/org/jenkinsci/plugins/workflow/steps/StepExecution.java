package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Compile-only declaration of {@code StepExecution} (jenkinsci/workflow-step-api-plugin): a step while it runs. */
public abstract class StepExecution implements Serializable {

    private static final long serialVersionUID = 1L;

    private final StepContext context;

    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    public @NonNull StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    /** Upstream's default: nothing to do after a restart. */
    public void onResume() {}
}
