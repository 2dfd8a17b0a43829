package io.jenkins.plugins.exotoken.core.tokenfile;

import io.jenkins.plugins.exotoken.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs nothing by itself: it records what is scheduled, due on a {@link MutableClock}, and the test
 * runs it with {@link #runNext()}, on the test's thread. No sleeps, no timing.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** A task due at {@code due} on the clock. */
    public final class Task extends FutureTask<Void> implements ScheduledFuture<Void> {
        final Instant due;

        Task(Runnable runnable, Instant due) {
            super(runnable, null);
            this.due = due;
        }

        public Instant due() {
            return due;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private boolean shutdown;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** The tasks scheduled and neither run nor cancelled, soonest first. */
    public synchronized List<Task> pending() {
        tasks.removeIf(Task::isDone);
        return tasks.stream().sorted(Comparator.comparing(Task::due)).toList();
    }

    /** Moves the clock to the soonest pending task (never back) and runs it; returns when it was due. */
    public Instant runNext() {
        List<Task> pending = pending();
        if (pending.isEmpty()) {
            throw new AssertionError("nothing is scheduled");
        }
        Task task = pending.get(0);
        Duration wait = Duration.between(clock.instant(), task.due);
        if (!wait.isNegative()) {
            clock.advance(wait);
        }
        task.run();
        return task.due;
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        Task task = new Task(command, clock.instant().plusNanos(unit.toNanos(delay)));
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return isShutdown();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
