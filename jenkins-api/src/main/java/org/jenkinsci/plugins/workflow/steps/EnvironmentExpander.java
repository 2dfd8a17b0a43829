package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** Compile-only declaration of {@code EnvironmentExpander} (jenkinsci/workflow-step-api-plugin): a block's variables. */
public abstract class EnvironmentExpander implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void expand(@NonNull EnvVars env) throws IOException, InterruptedException;

    /** Upstream's default: none. */
    public @NonNull Set<String> getSensitiveVariables() {
        return Collections.emptySet();
    }

    /** As upstream: both expand, the original first; their sensitive variables together. */
    public static EnvironmentExpander merge(@CheckForNull EnvironmentExpander original,
            @NonNull EnvironmentExpander subsequent) {
        if (original == null) {
            return subsequent;
        }
        return new MergedEnvironmentExpander(original, subsequent);
    }

    private static class MergedEnvironmentExpander extends EnvironmentExpander {
        private static final long serialVersionUID = 1;
        private final @NonNull EnvironmentExpander original;
        private final @NonNull EnvironmentExpander subsequent;

        MergedEnvironmentExpander(EnvironmentExpander original, EnvironmentExpander subsequent) {
            this.original = original;
            this.subsequent = subsequent;
        }

        @Override
        public void expand(EnvVars env) throws IOException, InterruptedException {
            original.expand(env);
            subsequent.expand(env);
        }

        @Override
        public Set<String> getSensitiveVariables() {
            Set<String> merged = new HashSet<>(original.getSensitiveVariables());
            merged.addAll(subsequent.getSensitiveVariables());
            return merged;
        }
    }
}
