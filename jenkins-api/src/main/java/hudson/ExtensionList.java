package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code hudson.ExtensionList} (jenkinsci/jenkins core). */
public class ExtensionList<T> {

    // Upstream's constructors are protected and take Jenkins' internals; private keeps the stub from adding one.
    private ExtensionList() {}

    /** Extensions are registered by a running Jenkins; outside one upstream throws too. */
    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }
}
