package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;

/** Compile-only declaration of the Jenkins singleton (jenkinsci/jenkins core). */
public class Jenkins {

    // Upstream has only protected constructors with arguments; private keeps the stub from adding one.
    private Jenkins() {}

    /** Outside a running controller upstream throws too, so this is the real behaviour in a unit test. */
    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }

    @CheckForNull
    public ProxyConfiguration getProxy() {
        return null;
    }
}
