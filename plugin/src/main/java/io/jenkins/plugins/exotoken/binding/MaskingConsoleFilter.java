package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.remoting.Channel;
import io.jenkins.plugins.exotoken.core.redact.LogMask;
import io.jenkins.plugins.exotoken.core.redact.MaskingOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Masks a block's token, its other secrets and anything token-shaped in the console log, line by line.
 *
 * <p>Serialized with the block, it holds its values only encrypted with the controller's key. Sent to an agent
 * (where a Pipeline filters a step's output), it is replaced by a copy holding them in plain text: that copy only
 * travels over the encrypted agent channel and lives in the agent's memory, where the output to mask is anyway.
 */
public final class MaskingConsoleFilter extends ConsoleLogFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SealedValues values;
    private final String charset;

    /**
     * @param mask what to mask
     * @param charset the build log's encoding
     */
    public MaskingConsoleFilter(@NonNull LogMask mask, @NonNull Charset charset) {
        this.values = SealedValues.seal(mask.values());
        this.charset = charset.name();
    }

    /** What this filter masks (on the controller). */
    @NonNull
    LogMask mask() {
        return LogMask.of(values.open());
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new MaskingOutputStream(logger, mask().masker(), Charset.forName(charset));
    }

    /** To an agent the values go in plain text (the channel is encrypted); anywhere else, sealed. */
    private Object writeReplace() {
        return Channel.current() == null ? this : new OnAgent(values.open(), charset);
    }

    /** The filter as an agent runs it. */
    static final class OnAgent extends ConsoleLogFilter implements Serializable {
        private static final long serialVersionUID = 1L;

        private final List<String> values;
        private final String charset;

        OnAgent(List<String> values, String charset) {
            this.values = List.copyOf(values);
            this.charset = charset;
        }

        @Override
        public OutputStream decorateLogger(Run build, OutputStream logger) {
            return new MaskingOutputStream(logger, LogMask.of(values).masker(), Charset.forName(charset));
        }
    }
}
