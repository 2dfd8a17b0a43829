package io.jenkins.plugins.exotoken.benchmarks;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.TokenSource;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Entra ID simulator on loopback with one registered app, and the two clients measured against it:
 * core's {@link TokenService} and a raw msal4j {@link ConfidentialClientApplication} configured as an
 * application using msal4j directly would configure it, with the same certificate credential.
 */
final class Fixture implements AutoCloseable {

    /**
     * JVM option for every fork: the simulator runs on the JDK's HttpsServer, which writes a response's
     * headers and body in two segments without TCP_NODELAY; with the client's delayed ACK every loopback
     * token request then waits ~40 ms, which would hide everything else a cold acquisition costs. Entra ID
     * does not do this; the option only affects the simulator's server.
     */
    static final String SERVER_NODELAY = "-Dsun.net.httpserver.nodelay=true";

    final EntraSimulator simulator;
    final TestApp app;
    /** Parsed and inspected once, as the plugin does per credential version. */
    final AppCertificate credential;
    final TokenScope scope;
    final HttpSettings httpSettings;
    /** msal4j's own threads for raw applications (TokenService brings its own). */
    private final ExecutorService msalExecutor = Executors.newCachedThreadPool(daemons("raw-msal"));

    Fixture() {
        simulator = EntraSimulator.start();
        app = new TestApp(simulator);
        credential = app.certificateCredential();
        try {
            scope = TokenScope.forResource(app.cloud, TokenScope.EXCHANGE);
        } catch (InvalidInputException e) {
            throw new IllegalStateException(e);
        }
        httpSettings = app.httpSettings();
    }

    TokenService tokenService() {
        return new TokenService(httpSettings);
    }

    TokenRequest request(MinimumValidity minimumValidity) {
        return new TokenRequest("benchmark credential", app.identity, credential, scope, minimumValidity);
    }

    /** A request for another resource, which the simulator is told to know. */
    TokenRequest requestFor(TokenScope otherScope) {
        return new TokenRequest("benchmark credential", app.identity, credential, otherScope, null);
    }

    TokenScope registerResource(String resource) {
        simulator.resource(resource);
        try {
            return TokenScope.forResource(app.cloud, resource);
        } catch (InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A raw msal4j application with the same authority, certificate and chain ({@code sendX5c}), msal's
     * default HTTP client trusting the simulator's CA, and an executor of its own (without one msal uses
     * the common pool, which serialises on small machines).
     *
     * <p>Its cache must really hit: with an explicit port in the authority msal4j 1.26.1 stores tokens under
     * the host and looks them up under host:port, so instance-discovery metadata declaring both as aliases
     * of one environment is supplied (it also keeps msal from calling the public discovery endpoint).
     */
    ConfidentialClientApplication rawMsal() {
        return rawMsal(null);
    }

    /** As {@link #rawMsal()}, over the JDK HttpClient instead of msal's default client when {@code transport} is set. */
    ConfidentialClientApplication rawMsal(IHttpClient transport) {
        URI host = URI.create(simulator.authorityHost());
        String withPort = host.getHost() + ":" + host.getPort();
        String discovery = "{\"tenant_discovery_endpoint\":\"" + simulator.authorityHost() + "/" + app.tenantId
                + "/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\",\"metadata\":[{"
                + "\"preferred_network\":\"" + host.getHost() + "\",\"preferred_cache\":\"" + host.getHost() + "\","
                + "\"aliases\":[\"" + host.getHost() + "\",\"" + withPort + "\"]}]}";
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(app.clientId,
                            ClientCredentialFactory.createFromCertificateChain(
                                    credential.privateKey(), credential.chain()))
                    .authority(app.cloud.authorityFor(app.tenantId))
                    .aadInstanceDiscoveryResponse(discovery)
                    .executorService(msalExecutor)
                    .sendX5c(true);
            if (transport == null) {
                builder.sslSocketFactory(simulator.clientSslContext().getSocketFactory());
            } else {
                builder.httpClient(transport);
            }
            return builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    ClientCredentialParameters msalParameters(boolean skipCache) {
        return ClientCredentialParameters.builder(Set.of(scope.value())).skipCache(skipCache).build();
    }

    static IAuthenticationResult acquire(ConfidentialClientApplication msal, ClientCredentialParameters parameters) {
        try {
            return msal.acquireToken(parameters).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("raw msal4j failed", e);
        }
    }

    static AccessToken acquire(TokenService service, TokenRequest request) {
        try {
            return service.acquire(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("TokenService failed", e);
        }
    }

    /** Fails the run unless msal answered from where the benchmark claims it does. */
    static void expectSource(IAuthenticationResult result, TokenSource expected, String what) {
        TokenSource actual = result.metadata().tokenSource();
        if (actual != expected) {
            throw new IllegalStateException(what + ": msal4j answered from " + actual + ", expected " + expected);
        }
    }

    /** Fails the run unless exactly {@code expected} requests reached the simulator since {@code before}. */
    void expectRequests(int before, int expected, String what) {
        int actual = simulator.tokenRequests() - before;
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + " token requests reached the simulator, expected "
                    + expected);
        }
    }

    @Override
    public void close() {
        msalExecutor.shutdownNow();
        simulator.close();
    }

    static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
