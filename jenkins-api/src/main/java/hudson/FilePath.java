package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * Compile-only declaration of {@code hudson.FilePath} (jenkinsci/jenkins core): a file on the controller or an agent.
 * Instances come from a running Jenkins (a build's workspace); the stub declares no constructor a caller can reach,
 * so none of its methods runs offline.
 */
public final class FilePath {

    // Upstream's public constructors take remoting's VirtualChannel or are unused; private keeps the stub from
    // adding API.
    private FilePath() {}

    /** Runs {@code callable} where this file is, with the file as a local {@link File}. */
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw noAgent();
    }

    /** A computation on a file, run on the node that holds it; upstream also declares its role check. */
    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    public String getRemote() {
        throw noAgent();
    }

    public String getName() {
        throw noAgent();
    }

    @CheckForNull
    public FilePath sibling(String rel) {
        throw noAgent();
    }

    public @NonNull FilePath child(String relOrAbsolute) {
        throw noAgent();
    }

    public void copyFrom(InputStream in) throws IOException, InterruptedException {
        throw noAgent();
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw noAgent();
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw noAgent();
    }

    public boolean delete() throws IOException, InterruptedException {
        throw noAgent();
    }

    public void touch(final long timestamp) throws IOException, InterruptedException {
        throw noAgent();
    }

    public void chmod(final int mask) throws IOException, InterruptedException {
        throw noAgent();
    }

    public void renameTo(final FilePath target) throws IOException, InterruptedException {
        throw noAgent();
    }

    private static IllegalStateException noAgent() {
        return new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }
}
