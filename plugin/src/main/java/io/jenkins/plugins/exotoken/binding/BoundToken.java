package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.redact.LogMask;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;

/**
 * What binding a token to a block produced: its variables, what to mask, and the files to remove when the block
 * ends. Serializable with the block; no value in it is held in plain text.
 */
public final class BoundToken implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TokenEnvironmentExpander environment;
    private final MaskingConsoleFilter filter;

    @CheckForNull
    private final FilePath directory;

    @CheckForNull
    private final String renewal;

    private final TokenOptions options;

    BoundToken(Map<String, String> variables, Set<String> sensitive, LogMask mask, Charset charset,
            @CheckForNull FilePath directory, @CheckForNull String renewal, TokenOptions options) {
        this.environment = new TokenEnvironmentExpander(variables, sensitive);
        this.filter = new MaskingConsoleFilter(mask, charset);
        this.directory = directory;
        this.renewal = renewal;
        this.options = options;
    }

    @CheckForNull
    String renewal() {
        return renewal;
    }

    @CheckForNull
    FilePath tokenFile() {
        return renewal == null || directory == null ? null : directory.child("token");
    }

    TokenOptions options() {
        return options;
    }

    /**
     * After a controller restart: starts renewing the token file again (with a fresh token if the one in the file
     * is due). Nothing to do for a block without a token file.
     */
    public void resume(@NonNull hudson.model.Run<?, ?> run, @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        TokenBinder.resumeRenewal(this, run, listener);
    }

    /** The block's variables, values encrypted at rest, the token's declared sensitive. */
    @NonNull
    public TokenEnvironmentExpander environment() {
        return environment;
    }

    /** Masks the block's secrets and token shapes in its console output. */
    @NonNull
    public MaskingConsoleFilter consoleFilter() {
        return filter;
    }

    /** Masks the block's secrets in failures leaving it. */
    @NonNull
    public MaskingFailureHandler failureHandler() {
        return new MaskingFailureHandler(filter);
    }

    /**
     * Stops renewing the token file and removes the block's files (token file, certificate file). Safe to call
     * more than once and after a restart.
     */
    public void release(@NonNull TaskListener listener) throws IOException, InterruptedException {
        if (renewal != null) {
            TokenFileRenewals.stop(renewal);
        }
        if (directory != null) {
            try {
                directory.deleteRecursive();
            } catch (IOException e) {
                listener.getLogger().println(Messages.BoundToken_cleanupFailed(directory.getRemote()));
                throw e;
            }
        }
    }
}
