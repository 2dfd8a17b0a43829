package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * One msal4j client application per app identity and secret version: building one costs authority
 * parsing and credential set-up, and a rotated secret must not reuse the old one.
 */
final class ClientApplications {

    private record Entry(String version, ConfidentialClientApplication application) {}

    private final Map<AppIdentity, Entry> applications = new ConcurrentHashMap<>();
    private final MsalHttpTransport transport;
    private final ExecutorService executor;

    ClientApplications(MsalHttpTransport transport, ExecutorService executor) {
        this.transport = transport;
        this.executor = executor;
    }

    ConfidentialClientApplication forRequest(TokenRequest request) throws InvalidInputException {
        AppIdentity identity = request.identity();
        AppSecret secret = request.secret();
        Entry entry = applications.get(identity);
        if (entry != null && entry.version.equals(secret.version())) {
            return entry.application;
        }
        // Built outside compute(): a race builds two, one wins, both work.
        Entry fresh = new Entry(secret.version(), build(identity, secret));
        applications.put(identity, fresh);
        return fresh.application;
    }

    private ConfidentialClientApplication build(AppIdentity identity, AppSecret secret) throws InvalidInputException {
        IClientCredential credential;
        if (secret instanceof AppCertificate certificate) {
            credential = ClientCredentialFactory.createFromCertificateChain(certificate.privateKey(), certificate.chain());
        } else {
            credential = ClientCredentialFactory.createFromSecret(((ClientSecret) secret).value().reveal());
        }
        try {
            return ConfidentialClientApplication.builder(identity.clientId(), credential)
                    .authority(identity.cloud().authorityFor(identity.tenant()))
                    // No call to the public instance-discovery endpoint: the cloud names its own login host.
                    .instanceDiscovery(false)
                    .httpClient(transport)
                    // Retries are ours: bounded, and they honour Retry-After.
                    .disableInternalRetries()
                    .executorService(executor)
                    .sendX5c(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new InvalidInputException("The authority for tenant " + identity.tenant() + " in cloud "
                    + identity.cloud().name() + " is not a valid URL: check the tenant and the cloud's login host.", e);
        }
    }
}
