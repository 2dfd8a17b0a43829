package hudson.model;

/** Compile-only declaration of {@code hudson.model.BuildListener} (jenkinsci/jenkins core). */
public interface BuildListener extends TaskListener {}
