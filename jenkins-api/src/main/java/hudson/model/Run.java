package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code hudson.model.Run} (jenkinsci/jenkins core). */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

    // Upstream has only protected constructors with arguments; private keeps the stub from adding one.
    private Run() {}

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only Jenkins API: no build");
    }
}
