package io.jenkins.plugins.exotoken.core.cache;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code exo-token-<purpose>-<n>}: a shared load must never keep a JVM (a CLI run, a
 * test) alive, and the name says in a thread dump whose thread it is.
 */
public final class DaemonThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    /** @param purpose e.g. {@code "token"}, {@code "keyvault"} */
    public DaemonThreadFactory(String purpose) {
        this.prefix = "exo-token-" + purpose + "-";
    }

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
