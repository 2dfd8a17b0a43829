package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import io.jenkins.plugins.exotoken.core.redact.MaskingOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.Charset;

/** The freestyle build's log filter: masks with whatever {@link FreestyleMasks} holds for the build at each line. */
final class FreestyleMaskingFilter extends ConsoleLogFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String build;

    FreestyleMaskingFilter(@NonNull String build) {
        this.build = build;
    }

    @Override
    public OutputStream decorateLogger(Run run, OutputStream logger) {
        Charset charset = run == null ? Charset.defaultCharset() : run.getCharset();
        return new MaskingOutputStream(logger, () -> FreestyleMasks.masker(build), charset);
    }
}
