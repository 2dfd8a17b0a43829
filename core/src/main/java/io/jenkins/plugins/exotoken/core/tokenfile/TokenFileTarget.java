package io.jenkins.plugins.exotoken.core.tokenfile;

import java.io.IOException;

/**
 * Where a {@link RenewingTokenFile} keeps its token: a local file ({@link LocalTokenFile}), or a file on another
 * machine written through to it (a Jenkins agent). Called by one thread at a time.
 */
public interface TokenFileTarget {

    /**
     * Replaces the file's content with {@code token} (ASCII, no line break) at once: a reader sees the previous
     * complete content or the new one, never an empty or partial file. The file is readable by its owner only.
     */
    void write(byte[] token) throws IOException, InterruptedException;

    /** Removes the file; nothing happens when it is not there. */
    void delete() throws IOException, InterruptedException;

    /** For messages: where the file is, e.g. its path. Never its content. */
    String describe();
}
