package hudson.slaves;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

/** Compile-only declaration of {@code hudson.slaves.WorkspaceList} (jenkinsci/jenkins core). */
public final class WorkspaceList {

    public WorkspaceList() {}

    /** As upstream: the workspace's sibling {@code <name>@tmp}. */
    @CheckForNull
    public static FilePath tempDir(FilePath ws) {
        return ws.sibling(ws.getName() + "@tmp");
    }
}
