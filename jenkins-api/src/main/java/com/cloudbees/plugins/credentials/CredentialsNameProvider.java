package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code CredentialsNameProvider} (jenkinsci/credentials-plugin). */
public abstract class CredentialsNameProvider<C extends Credentials> {

    @NonNull
    public abstract String getName(@NonNull C credentials);
}
