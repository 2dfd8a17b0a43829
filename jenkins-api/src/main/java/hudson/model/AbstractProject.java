package hudson.model;

/** Compile-only declaration of {@code hudson.model.AbstractProject}, for the bounds of {@link AbstractBuild}'s. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {

    // Upstream has only a protected constructor with arguments; private keeps the stub from adding one.
    private AbstractProject() {}
}
