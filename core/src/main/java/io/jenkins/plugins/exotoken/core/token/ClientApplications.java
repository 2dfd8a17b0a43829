package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.cache.BoundedMap;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import java.net.MalformedURLException;
import java.util.concurrent.ExecutorService;

/**
 * msal4j client applications, one per app identity and secret version: building one costs authority parsing
 * and credential set-up, a rotated secret must not reuse the old one, and two credentials of the same app with
 * different certificates (normal during a rotation) each keep their own instead of rebuilding each other's.
 *
 * <p>At most {@link #MAX_APPLICATIONS} are kept (the least recently used go first), and msal's own token cache
 * is kept empty ({@link MsalCacheEmptier}): tokens are cached by {@link TokenService} only.
 */
final class ClientApplications {

    /** Identities times secret versions in use on one controller; more are rebuilt when needed, cheaply. */
    static final int MAX_APPLICATIONS = 128;

    private record Key(AppIdentity identity, String secretVersion) {}

    private final BoundedMap<Key, ConfidentialClientApplication> applications;
    private final MsalHttpTransport transport;
    private final ExecutorService executor;

    ClientApplications(MsalHttpTransport transport, ExecutorService executor) {
        this(transport, executor, MAX_APPLICATIONS);
    }

    ClientApplications(MsalHttpTransport transport, ExecutorService executor, int maxApplications) {
        this.transport = transport;
        this.executor = executor;
        this.applications = new BoundedMap<>(maxApplications);
    }

    ConfidentialClientApplication forRequest(TokenRequest request) throws InvalidInputException {
        Key key = new Key(request.identity(), request.secret().version());
        ConfidentialClientApplication application = applications.get(key);
        if (application != null) {
            return application;
        }
        // Built outside a lock: a race builds two, one is kept, both work.
        application = build(request.identity(), request.secret());
        applications.put(key, application);
        return application;
    }

    /** Forgets the applications (and so the secrets they hold) of an identity. */
    void evict(AppIdentity identity) {
        applications.removeIf((key, application) -> key.identity.equals(identity));
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
                    .setTokenCacheAccessAspect(MsalCacheEmptier.INSTANCE)
                    .build();
        } catch (MalformedURLException e) {
            throw new InvalidInputException("The authority for tenant " + identity.tenant() + " in cloud "
                    + identity.cloud().name() + " is not a valid URL: check the tenant and the cloud's login host.", e);
        }
    }
}
