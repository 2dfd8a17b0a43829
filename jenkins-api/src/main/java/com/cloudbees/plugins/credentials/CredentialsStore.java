package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import java.util.List;

/** Compile-only declaration of {@code CredentialsStore} (jenkinsci/credentials-plugin): where credentials are kept. */
public abstract class CredentialsStore {

    // Upstream's finds the store's provider among its enclosing classes; the stub keeps none.
    public CredentialsStore() {}

    @NonNull
    public abstract ModelObject getContext();

    /** Upstream's default is the global domain only, which needs the credentials plugin's domain model. */
    @NonNull
    public List<Domain> getDomains() {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }

    @NonNull
    public abstract List<Credentials> getCredentials(@NonNull Domain domain);

    /** Upstream computes it from the current page's request. */
    @CheckForNull
    public String getRelativeLinkTo(Domain domain) {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }
}
