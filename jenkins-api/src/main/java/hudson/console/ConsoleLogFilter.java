package hudson.console;

import hudson.model.Run;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Compile-only declaration of {@code hudson.console.ConsoleLogFilter} (jenkinsci/jenkins core): decorates a build's
 * console log. Upstream's deprecated {@code decorateLogger(AbstractBuild, OutputStream)} and
 * {@code decorateLogger(Computer, OutputStream)} overloads are not declared: a call with a {@code null} build is
 * ambiguous against the real class, so pass a typed {@code (Run<?, ?>) null}.
 */
public abstract class ConsoleLogFilter {

    /** Upstream delegates to the deprecated overload for freestyle builds; otherwise the log as it is. */
    public OutputStream decorateLogger(Run build, OutputStream logger) throws IOException, InterruptedException {
        return logger;
    }
}
