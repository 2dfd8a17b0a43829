package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.UUID;

/**
 * Compile-only declaration of {@code BaseStandardCredentials}; id and description are kept as upstream
 * keeps them (an empty id becomes a random UUID, a missing description an empty one).
 */
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {

    private static final long serialVersionUID = 1L;

    @NonNull
    private final String id;

    @NonNull
    private final String description;

    public BaseStandardCredentials(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description) {
        super(scope);
        // IdCredentials.Helpers.fixEmptyId upstream: an empty id becomes a random UUID.
        this.id = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
        this.description = description == null ? "" : description;
    }

    @NonNull
    @Override
    public String getDescription() {
        return description;
    }

    @NonNull
    @Override
    public String getId() {
        return id;
    }

    protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {

        protected BaseStandardCredentialsDescriptor(Class<? extends BaseStandardCredentials> clazz) {
            super(clazz);
        }
    }
}
