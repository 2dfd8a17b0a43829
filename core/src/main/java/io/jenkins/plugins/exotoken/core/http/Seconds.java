package io.jenkins.plugins.exotoken.core.http;

import java.time.Duration;

/** A duration as people read it in a message: {@code 5 s}, {@code 1.5 s}, {@code 200 ms}. */
final class Seconds {

    private Seconds() {}

    static String of(Duration d) {
        long millis = d.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
