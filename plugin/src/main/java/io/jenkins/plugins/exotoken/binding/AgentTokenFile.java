package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import io.jenkins.plugins.exotoken.core.tokenfile.TokenFileTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.UUID;

/**
 * The token file on the block's agent, written from the controller: the new token goes to a fresh file beside it
 * (owner-only), which then replaces it with one rename, so a reader never sees a partial or empty file.
 */
final class AgentTokenFile implements TokenFileTarget {

    private final FilePath file;

    AgentTokenFile(@NonNull FilePath file) {
        this.file = file;
    }

    @Override
    public void write(byte[] token) throws IOException, InterruptedException {
        FilePath next = file.sibling("." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            next.touch(0);
            next.chmod(0600);
            next.copyFrom(new ByteArrayInputStream(token));
            next.renameTo(file);
        } finally {
            next.delete();
        }
    }

    @Override
    public void delete() throws IOException, InterruptedException {
        file.delete();
    }

    @Override
    public String describe() {
        return file.getRemote();
    }
}
