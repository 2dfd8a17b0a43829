package hudson;

/** Compile-only declaration of {@code hudson.Launcher} (jenkinsci/jenkins core), a parameter type of build steps. */
public abstract class Launcher {

    // Upstream's constructors are protected and take the listener and remoting's channel; private keeps the stub
    // from adding one.
    private Launcher() {}
}
