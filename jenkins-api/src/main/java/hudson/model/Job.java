package hudson.model;

/** Compile-only declaration of {@code hudson.model.Job}, for the bounds of {@link Run}'s type parameters. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

    // Upstream has only a protected constructor with arguments; package-private (for AbstractProject) keeps the stub
    // from adding one.
    Job() {}
}
