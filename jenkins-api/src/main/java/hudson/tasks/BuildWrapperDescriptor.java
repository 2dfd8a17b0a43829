package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Descriptor;

/** Compile-only declaration of {@code hudson.tasks.BuildWrapperDescriptor} (jenkinsci/jenkins core). */
public abstract class BuildWrapperDescriptor extends Descriptor<BuildWrapper> {

    /** As upstream: the described class is the enclosing one. */
    protected BuildWrapperDescriptor() {}

    public abstract boolean isApplicable(AbstractProject<?, ?> item);
}
