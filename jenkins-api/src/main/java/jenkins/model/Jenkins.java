package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Compile-only declaration of the Jenkins singleton (jenkinsci/jenkins core). Of its supertypes only those the
 * plugin relies on are declared: upstream's {@code DirectlyModifiableTopLevelItemGroup} is an
 * {@code ItemGroup<TopLevelItem>}.
 */
public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {

    // Not a constant expression: the plugin reads the field at run time, as it does upstream's.
    public static final Permission ADMINISTER = undeclaredPermission();

    // Upstream has only protected constructors with arguments; private keeps the stub from adding one.
    private Jenkins() {}

    /** Outside a running controller upstream throws too, so this is the real behaviour in a unit test. */
    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }

    @CheckForNull
    public ProxyConfiguration getProxy() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Jenkins";
    }

    private static Permission undeclaredPermission() {
        return null;
    }
}
