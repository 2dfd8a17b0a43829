package io.jenkins.plugins.exotoken;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import io.jenkins.plugins.exotoken.source.AppSecretSource;
import io.jenkins.plugins.exotoken.source.ClientSecretSource;
import io.jenkins.plugins.exotoken.source.UploadedCertificateSource;
import java.io.IOException;
import java.time.Clock;

/**
 * An app registered in the Entra ID simulator (core's test code), stored in Jenkins as credentials, with the
 * plugin's engine trusting the simulator's test CA.
 */
final class SimulatedApp implements AutoCloseable {

    final EntraSimulator simulator = EntraSimulator.start();
    final TestApp app = new TestApp(simulator);
    private final TokenEngine previous = TokenEngine.replace(new TokenEngine(app.httpSettings(), Clock.systemUTC()));

    /** Stores a client-secret credential {@code id} and a certificate credential {@code id + "-cert"}. */
    SimulatedApp store(String id) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials().add(credential(id,
                new ClientSecretSource(Secret.fromString(app.secret))));
        UploadedCertificateSource pfx = new UploadedCertificateSource(null,
                SecretBytes.fromRawBytes(TestPki.pfxAes(app.certificate, "pfx-pw")));
        pfx.setPassword(Secret.fromString("pfx-pw"));
        SystemCredentialsProvider.getInstance().getCredentials().add(credential(id + "-cert", pfx));
        SystemCredentialsProvider.getInstance().save();
        return this;
    }

    private ExchangeOnlineAppCredentials credential(String id, AppSecretSource source) {
        ExchangeOnlineAppCredentials credential = new ExchangeOnlineAppCredentials(CredentialsScope.GLOBAL, id, null,
                app.tenantId, app.clientId, "contoso.onmicrosoft.com", source);
        credential.setCloud(ExchangeOnlineAppCredentials.CUSTOM_CLOUD);
        credential.setCustomCloud(new CustomCloudEndpoints(simulator.authorityHost(), "https://outlook.office365.com",
                "https://graph.microsoft.com", "vault.azure.net"));
        return credential;
    }

    @Override
    public void close() {
        TokenEngine.replace(previous);
        simulator.close();
    }
}
