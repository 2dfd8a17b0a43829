package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.Describable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/** Compile-only declaration of {@code hudson.tasks.BuildWrapper} (jenkinsci/jenkins core): wraps a freestyle build. */
public abstract class BuildWrapper implements Describable<BuildWrapper> {

    /** What {@link #setUp} set up, torn down when the build ends. */
    public abstract class Environment extends hudson.model.Environment {

        /** Upstream calls a deprecated overload for old builds; for any other build it goes on. */
        @Override
        public boolean tearDown(AbstractBuild build, BuildListener listener) throws IOException, InterruptedException {
            return true;
        }
    }

    /** Upstream fails the same way for a wrapper that does not override it. */
    public Environment setUp(AbstractBuild build, Launcher launcher, BuildListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("Plugin class '" + getClass().getName()
                + "' does not support a build of type '" + build.getClass().getName() + "'.");
    }

    /** Upstream's default: the log as it is. */
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger)
            throws IOException, InterruptedException {
        return logger;
    }

    /** Upstream's default: no sensitive variable. */
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {}
}
