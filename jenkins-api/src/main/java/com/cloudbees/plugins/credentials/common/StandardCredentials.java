package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code StandardCredentials} (jenkinsci/credentials-plugin). */
public interface StandardCredentials extends IdCredentials {

    @NonNull
    String getDescription();
}
