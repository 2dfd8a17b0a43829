package io.jenkins.plugins.exotoken.core.secret;

/**
 * What proves the app's identity to Entra ID: a certificate with its private key, or a client secret.
 * Implementations never print secret material.
 */
public sealed interface AppSecret permits AppCertificate, ClientSecret {

    /**
     * Identifies this version of the secret without revealing it (a digest): a rotated certificate or
     * secret gets a new client application and a new token cache entry.
     */
    String version();

    /** For messages: {@code certificate <thumbprint>} or {@code client secret}; never the secret. */
    String describe();
}
