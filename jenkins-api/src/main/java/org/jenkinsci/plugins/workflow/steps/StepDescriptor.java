package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Compile-only declaration of {@code StepDescriptor} (jenkinsci/workflow-step-api-plugin). */
public abstract class StepDescriptor extends Descriptor<Step> {

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    /** Upstream's default: the step takes no block. */
    public boolean takesImplicitBlockArgument() {
        return false;
    }
}
