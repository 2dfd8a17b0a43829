package io.jenkins.plugins.exotoken.core.keyvault;

import io.jenkins.plugins.exotoken.core.testing.ManagedIdentitySimulator;
import org.junit.jupiter.api.BeforeAll;

/** Azure VM style: IMDS, relocated to loopback by {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} (set by core/pom.xml). */
class ImdsManagedIdentityEnvTest extends ManagedIdentityVaultAccessContract {

    @BeforeAll
    static void startEndpoint() {
        int port = reservedPort("AZURE_POD_IDENTITY_AUTHORITY_HOST");
        startServices(ManagedIdentitySimulator.startImds(entra, port));
    }
}
