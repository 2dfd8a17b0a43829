package hudson.model;

/** Compile-only declaration of {@code hudson.model.ItemGroup} (jenkinsci/jenkins core). */
public interface ItemGroup<T extends Item> {}
