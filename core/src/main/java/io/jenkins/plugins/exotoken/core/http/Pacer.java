package io.jenkins.plugins.exotoken.core.http;

import java.time.Duration;

/** Elapsed time and waiting, replaceable in tests so that long waits need not be slept. */
interface Pacer {

    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration wait) throws InterruptedException {
            Thread.sleep(wait.toMillis());
        }
    };

    long nanoTime();

    void sleep(Duration wait) throws InterruptedException;
}
