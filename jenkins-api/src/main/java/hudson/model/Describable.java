package hudson.model;

/** Compile-only declaration of {@code hudson.model.Describable} (jenkinsci/jenkins core). */
public interface Describable<T extends Describable<T>> {

    /** Upstream looks the descriptor up in the running Jenkins, so outside one it fails as upstream does. */
    default Descriptor<T> getDescriptor() {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }
}
