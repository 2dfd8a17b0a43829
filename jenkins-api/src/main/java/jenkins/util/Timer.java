package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Compile-only declaration of {@code jenkins.util.Timer} (jenkinsci/jenkins core): Jenkins' shared scheduler. */
public class Timer {

    private static ScheduledExecutorService executorService;

    private Timer() {}

    /** As upstream, created on first use (10 daemon threads); without upstream's logging and impersonation. */
    @NonNull
    public static synchronized ScheduledExecutorService get() {
        if (executorService == null) {
            executorService = new ScheduledThreadPoolExecutor(10, runnable -> {
                Thread thread = new Thread(runnable, "jenkins.util.Timer");
                thread.setDaemon(true);
                return thread;
            });
        }
        return executorService;
    }
}
