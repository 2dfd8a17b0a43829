package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code hudson.security.AccessControlled} (jenkinsci/jenkins core). */
public interface AccessControlled {

    /** Upstream asks the object's ACL; the stub has none and grants nothing. */
    default boolean hasPermission(@NonNull Permission permission) {
        return false;
    }

    /** Upstream asks the object's ACL; the stub has none and grants nothing. */
    default boolean hasAnyPermission(@NonNull Permission... permission) {
        return false;
    }
}
