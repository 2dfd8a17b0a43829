package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Compile-only declaration of {@code hudson.model.Item} (jenkinsci/jenkins core). */
public interface Item extends ModelObject, AccessControlled {

    // Not a constant expression: the plugin reads the field at run time, as it does upstream's.
    Permission EXTENDED_READ = undeclaredPermission();

    @NonNull
    String getFullName();

    @Override
    String getDisplayName();

    private static Permission undeclaredPermission() {
        return null;
    }
}
