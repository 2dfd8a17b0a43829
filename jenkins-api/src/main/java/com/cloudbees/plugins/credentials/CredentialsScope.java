package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Compile-only declaration of {@code CredentialsScope} (jenkinsci/credentials-plugin). */
public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
