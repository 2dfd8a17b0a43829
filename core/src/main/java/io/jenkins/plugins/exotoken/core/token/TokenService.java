package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.cache.DaemonThreadFactory;
import io.jenkins.plugins.exotoken.core.cache.SingleFlightCache;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryAfter;
import io.jenkins.plugins.exotoken.core.http.RetryLoop;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.http.TransientFailure;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * App-only tokens from Entra ID by the client-credentials flow, and managed-identity tokens (msal4j), cached
 * in-process.
 *
 * <ul>
 *   <li>A cached token is served while it has more than the request's minimum validity left, as
 *       {@link MinimumValidity} applies it (at most half the token's own lifetime).
 *   <li>At most {@link #MAX_TOKENS} tokens are kept; an expired one is dropped.
 *   <li>When Entra ID (or the managed-identity endpoint) is unavailable, a cached token that has not expired is
 *       served even below the minimum validity (a WARNING is logged), and the service is asked again after
 *       {@link #OUTAGE_RETRY}; never after a refusal.
 *   <li>Concurrent requests for the same identity, secret version and scope share one call.
 *   <li>429 and 5xx answers and transport failures are retried within a {@link RetryPolicy}, honouring
 *       {@code Retry-After}; every call has connect and read timeouts ({@link HttpSettings}).
 *   <li>A caller can be interrupted while it waits; the shared call goes on for the others.
 * </ul>
 *
 * <p>Thread-safe; one instance serves a whole process (a Jenkins controller, a CLI run).
 */
public final class TokenService implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(TokenService.class.getName());
    private static final Duration MANAGED_IDENTITY_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    /** Identities times scopes times secret versions on a large controller, with room; about 2 to 4 KB each. */
    public static final int MAX_TOKENS = 1024;

    /** How long a still-valid token is served after Entra ID was unavailable, before asking again. */
    public static final Duration OUTAGE_RETRY = Duration.ofMinutes(1);

    private record Key(Object principal, String secretVersion, String scope) {}

    /** A token and when it was obtained, by this service's clock: its lifetime scales the minimum validity. */
    private record Held(AccessToken token, Instant obtained) {}

    /** One kind of token call: how to start it, how to name it, how to read a refusal. */
    private record Call(
            Key key,
            String description,
            String endpoint,
            TokenScope scope,
            MinimumValidity minimumValidity,
            MsalCall start,
            Function<MsalServiceException, ExoTokenException> refusal) {}

    private interface MsalCall {
        CompletableFuture<IAuthenticationResult> start() throws Exception;
    }

    private final HttpSettings settings;
    private final RetryLoop retries;
    private final Clock clock;
    private final ExecutorService executor;
    private final SingleFlightCache<Key, Held> tokens;
    private final ClientApplications applications;
    private final ManagedIdentityApplications managedIdentities;

    public TokenService(HttpSettings settings, RetryPolicy retryPolicy, Clock clock) {
        this.settings = settings;
        this.retries = new RetryLoop(retryPolicy, clock);
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(new DaemonThreadFactory("token"));
        this.tokens = new SingleFlightCache<>(executor, clock, new SingleFlightCache.Policy<>(MAX_TOKENS,
                held -> held.token.expiresOn(), OUTAGE_RETRY, refusal -> false, Duration.ZERO));
        MsalHttpTransport transport = new MsalHttpTransport(settings);
        this.applications = new ClientApplications(transport, executor);
        // Managed-identity endpoints are local to the machine (IMDS, App Service's sidecar): never via a proxy,
        // and one that does not connect within seconds is not there (e.g. IMDS off Azure).
        HttpSettings local = settings.withProxy(HttpClient.Builder.NO_PROXY, null).withTimeouts(
                min(settings.connectTimeout(), MANAGED_IDENTITY_CONNECT_TIMEOUT), settings.readTimeout());
        this.managedIdentities = new ManagedIdentityApplications(new MsalHttpTransport(local), executor);
    }

    public TokenService(HttpSettings settings) {
        this(settings, RetryPolicy.defaults(), Clock.systemUTC());
    }

    /**
     * An app-only token with at least the request's minimum validity left: from the cache, or from Entra ID.
     *
     * @throws io.jenkins.plugins.exotoken.core.InvalidInputException when the request cannot be made as configured
     * @throws io.jenkins.plugins.exotoken.core.AuthenticationFailedException when Entra ID refuses it
     * @throws ServiceUnavailableException when Entra ID cannot be reached within the retry bounds
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public AccessToken acquire(TokenRequest request) throws ExoTokenException, InterruptedException {
        Key key = new Key(request.identity(), request.secret().version(), request.scope().value());
        return acquire(new Call(key, "No token for " + request.describe(),
                request.identity().cloud().authorityHost().toString(), request.scope(), request.minimumValidity(),
                () -> applications.forRequest(request).acquireToken(
                        ClientCredentialParameters.builder(Set.of(request.scope().value()))
                                .skipCache(true) // this class is the cache: it knows the caller's minimum validity
                                .build()),
                e -> EntraErrors.translate(request, e)));
    }

    /**
     * A managed identity's token, cached and shared like app-only tokens.
     *
     * @throws io.jenkins.plugins.exotoken.core.AuthenticationFailedException when the endpoint refuses it
     * @throws ServiceUnavailableException when no managed-identity endpoint answers within the retry bounds
     */
    public AccessToken acquire(ManagedIdentityRequest request) throws ExoTokenException, InterruptedException {
        Key key = new Key(request.identity(), "managed-identity", request.scope().value());
        return acquire(new Call(key, "No token for " + request.identity().describe(),
                "the managed identity endpoint", request.scope(), request.minimumValidity(),
                () -> managedIdentities.forIdentity(request.identity()).acquireTokenForManagedIdentity(
                        ManagedIdentityParameters.builder(request.scope().resource())
                                .forceRefresh(true) // msal's managed-identity cache is JVM-wide; ours is per service
                                .build()),
                e -> EntraErrors.translate(request, e)));
    }

    /**
     * Forgets the cached tokens and msal applications of an identity, e.g. after its credential was changed or
     * deleted; a token being obtained for it meanwhile is handed to its waiting callers but not cached.
     */
    public void evict(AppIdentity identity) {
        tokens.evict(k -> k.principal.equals(identity));
        applications.evict(identity);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private AccessToken acquire(Call call) throws ExoTokenException, InterruptedException {
        return tokens.get(call.key,
                held -> call.minimumValidity.isMetBy(held.obtained, held.token.expiresOn(), clock.instant()),
                previous -> {
                    AccessToken token = retries.run(call.description, call.endpoint, () -> once(call));
                    return new Held(token, clock.instant());
                },
                retries.bound(settings), new CallReporting(call.description, call.endpoint)).token;
    }

    /** The words for a caller whose shared token call failed as a whole, and the outage warning. */
    private record CallReporting(String description, String endpoint)
            implements SingleFlightCache.Reporting<Held> {

        @Override
        public ExoTokenException noAnswerWithin(Duration bound) {
            return new ServiceUnavailableException(description + ": no answer from " + endpoint + " within "
                    + bound.toSeconds() + " s. Try again later; if it persists check network access (proxy,"
                    + " firewall).", null);
        }

        @Override
        public ExoTokenException failed(Throwable cause) {
            LOGGER.log(Level.FINE, description + ": the shared call ended without an answer", cause);
            return new ServiceUnavailableException(description + ": the call to " + endpoint + " ended without an"
                    + " answer (" + cause.getClass().getSimpleName() + "; details in the log at FINE).", cause);
        }

        @Override
        public void usingStale(Held stale, ServiceUnavailableException outage) {
            LOGGER.log(Level.WARNING, "{0}; using the cached token that expires at {1} and asking again in {2} s",
                    new Object[] {outage.getMessage(), stale.token.expiresOn(), OUTAGE_RETRY.toSeconds()});
        }
    }

    private AccessToken once(Call call) throws ExoTokenException, TransientFailure, InterruptedException {
        CompletableFuture<IAuthenticationResult> pending;
        try {
            pending = call.start.start();
        } catch (ExoTokenException e) {
            throw e;
        } catch (Exception e) {
            throw classify(call, e);
        }
        IAuthenticationResult result;
        try {
            result = pending.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException | CancellationException e) {
            throw classify(call, e instanceof ExecutionException ? e.getCause() : e);
        }
        return new AccessToken(result.accessToken(), "Bearer", result.expiresOnDate().toInstant(), call.scope);
    }

    private ExoTokenException classify(Call call, Throwable failure) throws TransientFailure {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof MsalServiceException service) {
            int status = service.statusCode() == null ? 0 : service.statusCode();
            if (status == 429 || status >= 500) {
                throw new TransientFailure(call.endpoint + " answered HTTP " + status,
                        RetryAfter.parse(service.headers(), clock), cause);
            }
            return call.refusal.apply(service);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof MsalHttpTransport.TransportFailure transport) {
                if (transport.getCause() instanceof javax.net.ssl.SSLException) {
                    return new ServiceUnavailableException(call.description + ": TLS with " + call.endpoint
                            + " failed (" + transport.getCause().getMessage()
                            + "): check the proxy and that the JVM trusts the server's certificate.", transport);
                }
                throw new TransientFailure(transport.getMessage(), null, transport);
            }
        }
        LOGGER.log(Level.FINE, call.description + ": unexpected failure", cause);
        return new ServiceUnavailableException(call.description + ": " + cause.getClass().getSimpleName()
                + " (details in the log at FINE).", cause);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
