package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Describable;
import java.io.Serializable;

/** Compile-only declaration of {@code Credentials} (jenkinsci/credentials-plugin). */
public interface Credentials extends Describable<Credentials>, Serializable {

    @CheckForNull
    CredentialsScope getScope();

    @NonNull
    @Override
    CredentialsDescriptor getDescriptor();
}
