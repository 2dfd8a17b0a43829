package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.exotoken.core.redact.LogMask;
import io.jenkins.plugins.exotoken.core.redact.LogMasker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each running freestyle build masks. A freestyle build decorates its log before the wrapper binds the token,
 * so the log's filter asks here on every line: token shapes from the first line, the block's own values once they
 * exist. Kept per build, never on the wrapper (which concurrent builds of a job share).
 */
final class FreestyleMasks {

    private static final LogMasker TOKEN_SHAPES = LogMask.tokenShapes().masker();
    private static final Map<String, LogMasker> BY_BUILD = new ConcurrentHashMap<>();

    private FreestyleMasks() {}

    static void publish(@NonNull String build, @NonNull LogMask mask) {
        BY_BUILD.put(build, mask.masker());
    }

    @NonNull
    static LogMasker masker(@NonNull String build) {
        return BY_BUILD.getOrDefault(build, TOKEN_SHAPES);
    }

    static void forget(@NonNull String build) {
        BY_BUILD.remove(build);
    }
}
