package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

/** Compile-only declaration of {@code hudson.model.AbstractBuild} (jenkinsci/jenkins core): a freestyle-like build. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {

    // Upstream has only protected constructors taking the project; package-private keeps the stub from adding one.
    AbstractBuild() {}

    public final @CheckForNull FilePath getWorkspace() {
        throw noBuild();
    }
}
