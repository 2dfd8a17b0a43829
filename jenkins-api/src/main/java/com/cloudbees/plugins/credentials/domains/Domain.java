package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Compile-only declaration of {@code Domain} (jenkinsci/credentials-plugin): a group of credentials in a store. */
public class Domain implements Serializable {

    private static final long serialVersionUID = 1L;

    // Upstream's constructor takes domain specifications, which are not declared here.
    private Domain() {}
}
