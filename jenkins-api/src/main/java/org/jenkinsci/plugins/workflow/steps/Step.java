package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Describable;

/**
 * Compile-only declaration of {@code org.jenkinsci.plugins.workflow.steps.Step} (jenkinsci/workflow-step-api-plugin):
 * a Pipeline step. Upstream extends the deprecated {@code AbstractDescribableImpl<Step>}, a {@code Describable<Step>}.
 */
public abstract class Step implements Describable<Step> {

    public abstract StepExecution start(StepContext context) throws Exception;
}
