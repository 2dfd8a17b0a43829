package hudson.model;

/** Compile-only declaration of {@code hudson.model.AbstractDescribableImpl}, deprecated upstream since 2.505. */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}
