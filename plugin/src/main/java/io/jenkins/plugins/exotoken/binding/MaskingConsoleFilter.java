package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.core.redact.LogMask;
import io.jenkins.plugins.exotoken.core.redact.MaskingOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks a block's token, its other secrets and anything token-shaped in the console log, line by line. It is
 * serialized with the block (and sent to agents, where output may be filtered): the values travel as
 * {@link Secret}s, and the masker is rebuilt from them where it runs.
 */
public final class MaskingConsoleFilter extends ConsoleLogFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Secret> values;
    private final String charset;

    /**
     * @param mask what to mask
     * @param charset the build log's encoding
     */
    public MaskingConsoleFilter(@NonNull LogMask mask, @NonNull Charset charset) {
        List<Secret> secrets = new ArrayList<>();
        for (String value : mask.values()) {
            secrets.add(Secret.fromString(value));
        }
        this.values = List.copyOf(secrets);
        this.charset = charset.name();
    }

    /** What this filter masks, rebuilt from its encrypted values. */
    @NonNull
    LogMask mask() {
        List<String> plain = new ArrayList<>();
        for (Secret value : values) {
            plain.add(value.getPlainText());
        }
        return LogMask.of(plain);
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new MaskingOutputStream(logger, mask().masker(), Charset.forName(charset));
    }
}
