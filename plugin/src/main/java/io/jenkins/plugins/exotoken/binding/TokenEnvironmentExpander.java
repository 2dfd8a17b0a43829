package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The variables a {@code withExoToken} block receives. The values are held encrypted with the controller's key, so
 * none is in plain text in the Pipeline's program state, and the token's variable (and the certificate password) is
 * declared sensitive: Pipeline warns when a script interpolates it into a Groovy string.
 */
public final class TokenEnvironmentExpander extends EnvironmentExpander {

    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final SealedValues values;
    private final Set<String> sensitive;

    public TokenEnvironmentExpander(@NonNull Map<String, String> variables, @NonNull Set<String> sensitive) {
        this.names = List.copyOf(variables.keySet());
        this.values = SealedValues.seal(new ArrayList<>(variables.values()));
        this.sensitive = Set.copyOf(sensitive);
    }

    @Override
    public void expand(@NonNull EnvVars env) {
        // Values as they are: nothing here should be expanded.
        plainValues().forEach(env::override);
    }

    /** The variables in plain text (on the controller). */
    @NonNull
    Map<String, String> plainValues() {
        List<String> plain = values.open();
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            variables.put(names.get(i), plain.get(i));
        }
        return variables;
    }

    @NonNull
    @Override
    public Set<String> getSensitiveVariables() {
        return sensitive;
    }
}
