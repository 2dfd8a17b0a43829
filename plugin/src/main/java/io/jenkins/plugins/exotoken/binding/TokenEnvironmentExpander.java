package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.util.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The variables a {@code withExoToken} block receives. Every value is held as a {@link Secret}, so none is in
 * plain text in the Pipeline's program state, and the token's variable is declared sensitive (Pipeline warns when a
 * script interpolates it into a Groovy string).
 */
public final class TokenEnvironmentExpander extends EnvironmentExpander {

    private static final long serialVersionUID = 1L;

    private final Map<String, Secret> variables;
    private final Set<String> sensitive;

    public TokenEnvironmentExpander(@NonNull Map<String, String> variables, @NonNull Set<String> sensitive) {
        Map<String, Secret> held = new LinkedHashMap<>();
        variables.forEach((name, value) -> held.put(name, Secret.fromString(value)));
        this.variables = held;
        this.sensitive = Set.copyOf(sensitive);
    }

    @Override
    public void expand(@NonNull EnvVars env) {
        // Values as they are: a token never contains '$', and nothing here should be expanded.
        variables.forEach((name, value) -> env.override(name, value.getPlainText()));
    }

    /** The values in plain text, for the freestyle wrapper (whose build keeps them only in memory). */
    @NonNull
    Map<String, String> plainValues() {
        Map<String, String> plain = new LinkedHashMap<>();
        variables.forEach((name, value) -> plain.put(name, value.getPlainText()));
        return plain;
    }

    @NonNull
    @Override
    public Set<String> getSensitiveVariables() {
        return sensitive;
    }
}
