package hudson.remoting;

/** Compile-only declaration of {@code hudson.remoting.VirtualChannel} (jenkinsci/remoting): a channel to a node. */
public interface VirtualChannel {}
