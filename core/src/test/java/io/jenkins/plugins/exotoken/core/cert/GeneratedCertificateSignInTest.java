package io.jenkins.plugins.exotoken.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End to end: a freshly generated certificate, stored as PFX and read back, signs in once it is registered. */
class GeneratedCertificateSignInTest {

    @Test
    void aGeneratedCertificateGetsATokenOnceUploadedToTheAppRegistration() throws Exception {
        try (EntraSimulator simulator = EntraSimulator.start()) {
            signIn(simulator, new TestApp(simulator));
        }
    }

    private static void signIn(EntraSimulator simulator, TestApp app) throws Exception {
        GeneratedCertificate generated = new CertificateGenerator(Clock.systemUTC(), new SecureRandom())
                .generate("exo-token generated", 2048, 365);
        // Stored and read back exactly like an uploaded PFX and its password.
        AppCertificate credential = AppCertificate.read("generated certificate", generated.pkcs12(), null,
                generated.password(), Clock.systemUTC());
        assertThat(credential.warnings()).isEmpty();
        RetryPolicy noRetries = new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(10));

        try (TokenService service = new TokenService(app.httpSettings(), noRetries, Clock.systemUTC())) {
            TokenRequest request = new TokenRequest(app.identity, credential,
                    TokenScope.forResource(app.cloud, "exchange"));
            assertThatThrownBy(() -> service.acquire(request))
                    .as("not yet uploaded to the app registration")
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("700027");

            simulator.app(app.tenantId, app.clientId).certificate(generated.certificate());
            AccessToken token = service.acquire(request);

            assertThat(simulator.verifyIssued(token.reveal()).getStringClaim("appid")).isEqualTo(app.clientId);
            assertThat(token.roles()).contains(List.of("Exchange.ManageAsApp"));
        }
    }
}
