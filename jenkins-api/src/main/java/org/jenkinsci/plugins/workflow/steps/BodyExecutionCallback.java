package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Compile-only declaration of {@code BodyExecutionCallback} (jenkinsci/workflow-step-api-plugin). */
public abstract class BodyExecutionCallback implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}
