package io.jenkins.plugins.exotoken.monitor;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.model.TaskListener;
import io.jenkins.plugins.exotoken.ExchangeOnlineAppCredentials;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;

/**
 * Checks hourly the app credentials of Jenkins' own stores and of folders for certificates about to expire.
 * Cheap: a certificate held in Jenkins is parsed once per credential version; nothing remote is read.
 */
@Extension
public final class CertificateExpiryCheck extends AsyncPeriodicWork {

    public CertificateExpiryCheck() {
        super("Exchange Online app certificate expiry check");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.HOURS.toMillis(1);
    }

    @Override
    public long getInitialDelay() {
        return TimeUnit.MINUTES.toMillis(1);
    }

    @Override
    protected void execute(TaskListener listener) {
        CertificateExpiryMonitor monitor = ExtensionList.lookupSingleton(CertificateExpiryMonitor.class);
        monitor.update(scan(Jenkins.get(), Clock.systemUTC().instant()));
    }

    static List<ExpiringCertificate> scan(Jenkins jenkins, Instant now) {
        List<ExpiringCertificate> found = new ArrayList<>();
        List<ModelObject> contexts = new ArrayList<>();
        contexts.add(jenkins);
        for (Item folder : jenkins.allItems(Item.class, item -> item instanceof ItemGroup)) {
            contexts.add(folder);
        }
        for (ModelObject context : contexts) {
            for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
                if (store.getContext() != context) {
                    continue; // a parent's store, seen with its own context
                }
                for (Domain domain : store.getDomains()) {
                    for (Credentials credentials : store.getCredentials(domain)) {
                        if (credentials instanceof ExchangeOnlineAppCredentials app) {
                            ExpiringCertificate.check(app, now, store, domain).ifPresent(found::add);
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparing(ExpiringCertificate::notAfter));
        return found;
    }
}
