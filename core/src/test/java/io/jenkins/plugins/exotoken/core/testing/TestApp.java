package io.jenkins.plugins.exotoken.core.testing;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import java.time.Clock;
import java.util.UUID;

/** A tenant with one app registered on a simulator, and the matching identity and credentials. */
public final class TestApp {

    public final EntraSimulator simulator;
    public final String tenantId = UUID.randomUUID().toString();
    public final String clientId = UUID.randomUUID().toString();
    public final String secret = "s3cr3t~" + UUID.randomUUID();
    public final TestPki.Issued certificate = TestPki.selfSigned("exo-token test app", TestPki.rsa(2048));
    public final Cloud cloud;
    public final AppIdentity identity;

    public TestApp(EntraSimulator simulator) {
        this.simulator = simulator;
        simulator.tenant(tenantId, "contoso-" + tenantId.substring(0, 8) + ".onmicrosoft.com");
        simulator.app(tenantId, clientId)
                .certificate(certificate.certificate())
                .secret(secret)
                .roles("https://outlook.office365.com", "Exchange.ManageAsApp");
        try {
            cloud = Cloud.custom(simulator.authorityHost(), "https://outlook.office365.com",
                    "https://graph.microsoft.com", "vault.azure.net", "O365Default");
            identity = AppIdentity.of(tenantId, clientId, "contoso.onmicrosoft.com", cloud);
        } catch (InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpSettings httpSettings() {
        return HttpSettings.defaults().withSslContext(simulator.clientSslContext());
    }

    public AppCertificate certificateCredential() {
        try {
            return AppCertificate.read("test certificate", TestPki.pfxAes(certificate, "pw"), null,
                    SecretValue.of("pw"), Clock.systemUTC());
        } catch (InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }
}
