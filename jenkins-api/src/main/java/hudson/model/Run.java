package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.nio.charset.Charset;

/** Compile-only declaration of {@code hudson.model.Run} (jenkinsci/jenkins core). */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

    // Upstream has only protected constructors with arguments; package-private (for AbstractBuild) keeps the stub
    // from adding one.
    Run() {}

    public @NonNull String getExternalizableId() {
        throw noBuild();
    }

    public final @NonNull Charset getCharset() {
        throw noBuild();
    }

    static UnsupportedOperationException noBuild() {
        return new UnsupportedOperationException("compile-only Jenkins API: no build");
    }
}
