package io.jenkins.plugins.exotoken.core.keyvault;

import io.jenkins.plugins.exotoken.core.testing.ManagedIdentitySimulator;
import org.junit.jupiter.api.BeforeAll;

/** IMDS style: {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} (set by core/pom.xml). */
class ImdsManagedIdentityFaultsEnvTest extends ManagedIdentityFaultsContract {

    @BeforeAll
    static void startEndpoint() {
        startEntra();
        int port = ManagedIdentityVaultAccessContract.reservedPort("AZURE_POD_IDENTITY_AUTHORITY_HOST");
        startServices(ManagedIdentitySimulator.startImds(entra, port));
    }
}
