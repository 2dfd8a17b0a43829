package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;

/** Compile-only declaration of {@code hudson.model.Item} (jenkinsci/jenkins core). */
public interface Item extends AccessControlled {

    @NonNull
    String getFullName();
}
