package com.cloudbees.plugins.credentials.common;

/** Compile-only declaration of {@code StandardListBoxModel} (jenkinsci/credentials-plugin). */
public class StandardListBoxModel
        extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {

    private static final long serialVersionUID = 1L;
}
