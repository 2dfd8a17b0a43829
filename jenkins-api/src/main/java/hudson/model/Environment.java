package hudson.model;

import java.io.IOException;
import java.util.Map;

/** Compile-only declaration of {@code hudson.model.Environment} (jenkinsci/jenkins core): what a build step set up. */
public abstract class Environment {

    /** Upstream's default: adds nothing. */
    public void buildEnvVars(Map<String, String> env) {}

    /** Upstream's default: nothing to tear down, the build goes on. */
    public boolean tearDown(AbstractBuild build, BuildListener listener) throws IOException, InterruptedException {
        return true;
    }
}
