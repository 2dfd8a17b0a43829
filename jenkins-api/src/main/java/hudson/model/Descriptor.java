package hudson.model;

/** Compile-only declaration of {@code hudson.model.Descriptor} (jenkinsci/jenkins core). */
public abstract class Descriptor<T extends Describable<T>> {

    private final Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    /** Upstream infers the described class as the enclosing class, the usual place of a descriptor. */
    @SuppressWarnings("unchecked")
    protected Descriptor() {
        this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
    }

    /** Upstream's default: the described class's simple name. */
    public String getDisplayName() {
        return clazz.getSimpleName();
    }
}
