package io.jenkins.plugins.exotoken.source;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.ExchangeOnlineAppCredentials;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials a credential form may refer to: only for people who may create or update credentials where
 * the form is, and then those visible there (as Jenkins' own credential lists do, looked up as the system after
 * that check). Everyone else sees just the current value, so saving the form keeps it.
 */
public final class CredentialChoices {

    static final CredentialsMatcher CERTIFICATE_HOLDERS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardCertificateCredentials.class),
            CredentialsMatchers.instanceOf(FileCredentials.class));
    static final CredentialsMatcher SECRET_TEXTS = CredentialsMatchers.instanceOf(StringCredentials.class);
    static final CredentialsMatcher APPS = CredentialsMatchers.instanceOf(ExchangeOnlineAppCredentials.class);

    private CredentialChoices() {}

    /** Whether the current user may manage credentials in {@code item} (or in Jenkins itself, for null). */
    public static boolean mayManage(@CheckForNull Item item) {
        AccessControlled context = item == null ? Jenkins.get() : item;
        return context.hasAnyPermission(CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
    }

    @NonNull
    static ListBoxModel of(@CheckForNull Item item, @CheckForNull String current, CredentialsMatcher matcher) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayManage(item)) {
            return model.includeCurrentValue(current);
        }
        model.includeEmptyValue();
        if (item == null) {
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), matcher);
        } else {
            model.includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, List.of(), matcher);
        }
        return model.includeCurrentValue(current);
    }
}
