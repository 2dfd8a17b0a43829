package hudson.model;

import java.io.IOException;

/** Compile-only declaration of {@code hudson.model.AsyncPeriodicWork} (jenkinsci/jenkins core): periodic work on its own thread. */
public abstract class AsyncPeriodicWork extends PeriodicWork {

    /** @param name the work's readable name (upstream's public field {@code name}, which the plugin does not read) */
    protected AsyncPeriodicWork(String name) {}

    protected abstract void execute(TaskListener listener) throws IOException, InterruptedException;
}
