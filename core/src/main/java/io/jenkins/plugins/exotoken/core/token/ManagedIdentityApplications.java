package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * One msal4j managed-identity application per identity. msal4j picks the endpoint (App Service's
 * {@code IDENTITY_ENDPOINT}/{@code IDENTITY_HEADER}, else IMDS) from the process environment.
 */
final class ManagedIdentityApplications {

    private final Map<ManagedIdentity, ManagedIdentityApplication> applications = new ConcurrentHashMap<>();
    private final MsalHttpTransport transport;
    private final ExecutorService executor;

    ManagedIdentityApplications(MsalHttpTransport transport, ExecutorService executor) {
        this.transport = transport;
        this.executor = executor;
    }

    ManagedIdentityApplication forIdentity(ManagedIdentity identity) {
        return applications.computeIfAbsent(identity, id -> ManagedIdentityApplication.builder(
                        id.isSystemAssigned()
                                ? ManagedIdentityId.systemAssigned()
                                : ManagedIdentityId.userAssignedClientId(id.clientId()))
                .httpClient(transport)
                .disableInternalRetries()
                .executorService(executor)
                .build());
    }
}
