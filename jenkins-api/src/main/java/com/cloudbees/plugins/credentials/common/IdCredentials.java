package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only declaration of {@code IdCredentials} (jenkinsci/credentials-plugin). */
public interface IdCredentials extends Credentials {

    @NonNull
    String getId();
}
