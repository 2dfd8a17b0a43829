package io.jenkins.plugins.exotoken.core.keyvault;

import io.jenkins.plugins.exotoken.core.testing.ManagedIdentitySimulator;
import org.junit.jupiter.api.BeforeAll;

/** App Service style: {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER} (set by core/pom.xml). */
class AppServiceManagedIdentityFaultsEnvTest extends ManagedIdentityFaultsContract {

    @BeforeAll
    static void startEndpoint() {
        startEntra();
        int port = ManagedIdentityVaultAccessContract.reservedPort("IDENTITY_ENDPOINT");
        startServices(ManagedIdentitySimulator.startAppService(entra, port, System.getenv("IDENTITY_HEADER")));
    }
}
