package io.jenkins.plugins.exotoken.binding;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.ExchangeOnlineAppCredentials;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The app credentials a job's configuration may choose: for people who may configure the job (or use its
 * credentials), those the job can use; for everyone else just the current value, so saving keeps it.
 */
final class AppChoices {

    private AppChoices() {}

    @NonNull
    static ListBoxModel forJob(@CheckForNull Item item, @CheckForNull String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        boolean allowed = item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasAnyPermission(Item.EXTENDED_READ, CredentialsProvider.USE_ITEM);
        if (!allowed) {
            return model.includeCurrentValue(current);
        }
        model.includeEmptyValue();
        if (item == null) {
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(),
                    CredentialsMatchers.instanceOf(ExchangeOnlineAppCredentials.class));
        } else {
            model.includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, List.of(),
                    CredentialsMatchers.instanceOf(ExchangeOnlineAppCredentials.class));
        }
        return model.includeCurrentValue(current);
    }
}
