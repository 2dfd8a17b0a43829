package com.cloudbees.plugins.credentials.common;

/** Compile-only declaration of {@code StandardCertificateCredentials} (jenkinsci/credentials-plugin). */
public interface StandardCertificateCredentials extends StandardCredentials, CertificateCredentials {}
