package hudson.model;

/** Compile-only declaration of {@code hudson.model.ModelObject} (jenkinsci/jenkins core). */
public interface ModelObject {
    String getDisplayName();
}
