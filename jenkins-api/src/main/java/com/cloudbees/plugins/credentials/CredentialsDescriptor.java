package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/** Compile-only declaration of {@code CredentialsDescriptor} (jenkinsci/credentials-plugin). */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {

    protected CredentialsDescriptor(Class<? extends Credentials> clazz) {
        super(clazz);
    }
}
