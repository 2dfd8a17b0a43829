package hudson.model;

import java.util.concurrent.ThreadLocalRandom;

/** Compile-only declaration of {@code hudson.model.PeriodicWork} (jenkinsci/jenkins core): work Jenkins runs periodically. */
public abstract class PeriodicWork {

    public abstract long getRecurrencePeriod();

    /** Upstream's default: a random delay below the recurrence period, so periodic work does not all start at once. */
    public long getInitialDelay() {
        return ThreadLocalRandom.current().nextLong(getRecurrencePeriod());
    }
}
