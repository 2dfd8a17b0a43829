package hudson.model;

/** Compile-only declaration of {@code hudson.model.TopLevelItem}: the items {@code Jenkins} holds. */
public interface TopLevelItem extends Item {}
