package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.exotoken.core.tokenfile.LocalTokenFile;
import io.jenkins.plugins.exotoken.core.tokenfile.TokenFileTarget;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * The token file on the block's agent, written from the controller: each write runs core's {@link LocalTokenFile}
 * on the agent itself (an owner-only file beside the target, synced, then moved over it in one step), so a reader
 * on the agent never sees a partial or empty file, however the agent's file system treats renames.
 */
final class AgentTokenFile implements TokenFileTarget {

    private final FilePath file;

    AgentTokenFile(@NonNull FilePath file) {
        this.file = file;
    }

    @Override
    public void write(byte[] token) throws IOException, InterruptedException {
        Write write = new Write(token);
        try {
            file.act(write);
        } finally {
            write.clear();
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

    /** Runs on the agent: the token travels over the agent channel and is dropped once written. */
    private record Write(byte[] token) implements ControllerToAgentFileCallable<Void> {
        Write {
            token = token.clone();
        }

        @Override
        public Void invoke(File target, VirtualChannel channel) throws IOException {
            try {
                new LocalTokenFile(target.toPath()).write(token);
                return null;
            } finally {
                clear();
            }
        }

        void clear() {
            Arrays.fill(token, (byte) 0);
        }
    }
}
