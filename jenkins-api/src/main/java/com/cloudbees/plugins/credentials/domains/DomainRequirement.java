package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Compile-only declaration of {@code DomainRequirement} (jenkinsci/credentials-plugin). */
public class DomainRequirement implements Serializable {

    private static final long serialVersionUID = 1L;
}
