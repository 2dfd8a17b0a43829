package io.jenkins.plugins.exotoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The msal4j applications behind TokenService: one per identity and secret version, bounded, holding no tokens. */
class ClientApplicationsTest {

    private static EntraSimulator simulator;
    private static TestApp app;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeAll
    static void startSimulator() {
        simulator = EntraSimulator.start();
        app = new TestApp(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    private ClientApplications applications(int max) {
        return new ClientApplications(new MsalHttpTransport(app.httpSettings()), executor, max);
    }

    private TokenRequest withSecret(String secret) throws Exception {
        return new TokenRequest(app.identity, ClientSecret.of("test", SecretValue.of(secret)),
                TokenScope.forResource(app.cloud, "exchange"));
    }

    @Test
    void msalKeepsNoCopyOfTheTokensItObtainsOverManyAcquisitions() throws Exception {
        TokenRequest request = withSecret(app.secret);
        ConfidentialClientApplication msal = applications(8).forRequest(request);
        List<String> tokens = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            for (String resource : List.of("exchange", "graph")) {
                IAuthenticationResult result = msal.acquireToken(ClientCredentialParameters
                        .builder(Set.of(TokenScope.forResource(app.cloud, resource).value())).skipCache(true).build())
                        .get(30, TimeUnit.SECONDS);
                tokens.add(result.accessToken());
            }
        }

        String msalCache = msal.tokenCache().serialize();
        assertThat(tokens).hasSize(20).doesNotHaveDuplicates();
        assertThat(msalCache).doesNotContain("\"secret\"");
        tokens.forEach(token -> assertThat(msalCache).doesNotContain(token));
    }

    @Test
    void twoCredentialsOfOneAppWithDifferentSecretsEachKeepTheirOwnApplication() throws Exception {
        ClientApplications applications = applications(8);
        TokenRequest current = withSecret(app.secret);
        TokenRequest next = new TokenRequest(app.identity, app.certificateCredential(),
                TokenScope.forResource(app.cloud, "exchange"));

        ConfidentialClientApplication first = applications.forRequest(current);
        ConfidentialClientApplication other = applications.forRequest(next);
        ConfidentialClientApplication firstAgain = applications.forRequest(current);
        ConfidentialClientApplication otherAgain = applications.forRequest(next);

        assertThat(other).isNotSameAs(first);
        assertThat(firstAgain).as("not rebuilt after the other credential was used").isSameAs(first);
        assertThat(otherAgain).isSameAs(other);
    }

    @Test
    void atMostTheBoundIsKeptAndTheLeastRecentlyUsedApplicationIsRebuilt() throws Exception {
        ClientApplications applications = applications(2);
        ConfidentialClientApplication a = applications.forRequest(withSecret("secret-a"));
        ConfidentialClientApplication b = applications.forRequest(withSecret("secret-b"));
        applications.forRequest(withSecret("secret-a"));
        applications.forRequest(withSecret("secret-c"));

        assertThat(applications.forRequest(withSecret("secret-a"))).isSameAs(a);
        assertThat(applications.forRequest(withSecret("secret-b"))).isNotSameAs(b);
    }

    @Test
    void evictingAnIdentityDropsItsApplications() throws Exception {
        ClientApplications applications = applications(8);
        ConfidentialClientApplication before = applications.forRequest(withSecret(app.secret));

        applications.evict(app.identity);

        assertThat(applications.forRequest(withSecret(app.secret))).isNotSameAs(before);
    }
}
