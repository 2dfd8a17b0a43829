package hudson.remoting;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Compile-only declaration of {@code hudson.remoting.Channel} (jenkinsci/remoting): the link to an agent. */
public class Channel {

    // Upstream's constructors take remoting's transport; private keeps the stub from adding one.
    private Channel() {}

    /** The channel serializing the current call, if any: never one in a unit test, where nothing is remote. */
    @CheckForNull
    public static Channel current() {
        return null;
    }
}
