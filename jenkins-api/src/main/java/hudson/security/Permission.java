package hudson.security;

/** Compile-only declaration of {@code hudson.security.Permission} (jenkinsci/jenkins core). */
public final class Permission {

    // Upstream's constructors take a permission group and scopes, which are not declared here.
    private Permission() {}
}
