package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code BaseCredentials} (jenkinsci/credentials-plugin). */
public class BaseCredentials implements Credentials {

    private static final long serialVersionUID = 1L;

    @CheckForNull
    private final CredentialsScope scope;

    public BaseCredentials(@CheckForNull CredentialsScope scope) {
        this.scope = scope;
    }

    @CheckForNull
    public CredentialsScope getScope() {
        return scope;
    }

    /** Upstream looks the descriptor up in the running Jenkins, so outside one it fails as upstream does. */
    @NonNull
    @Override
    public CredentialsDescriptor getDescriptor() {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }
}
