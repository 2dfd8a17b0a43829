package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * App-only tokens from Entra ID by the client-credentials flow (msal4j), cached in-process.
 *
 * <ul>
 *   <li>A cached token is served while it has more than the request's minimum validity left.
 *   <li>Concurrent requests for the same app, secret version and scope share one call to Entra ID.
 *   <li>429 and 5xx answers and transport failures are retried within a {@link RetryPolicy}, honouring
 *       {@code Retry-After}; every call has connect and read timeouts ({@link HttpSettings}).
 *   <li>A caller can be interrupted while it waits; the shared call goes on for the others.
 * </ul>
 *
 * <p>Thread-safe; one instance serves a whole process (a Jenkins controller, a CLI run).
 */
public final class TokenService implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(TokenService.class.getName());

    private record Key(AppIdentity identity, String secretVersion, String scope) {}

    private final Map<Key, AccessToken> cache = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<AccessToken>> flights = new ConcurrentHashMap<>();
    private final HttpSettings settings;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final ExecutorService executor;
    private final ClientApplications applications;

    public TokenService(HttpSettings settings, RetryPolicy retryPolicy, Clock clock) {
        this.settings = settings;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.applications = new ClientApplications(new MsalHttpTransport(settings), executor);
    }

    public TokenService(HttpSettings settings) {
        this(settings, RetryPolicy.defaults(), Clock.systemUTC());
    }

    /**
     * A token with at least the request's minimum validity left: from the cache, or from Entra ID.
     *
     * @throws InvalidInputException when the request cannot be made as configured
     * @throws io.jenkins.plugins.exotoken.core.AuthenticationFailedException when Entra ID refuses it
     * @throws ServiceUnavailableException when Entra ID cannot be reached within the retry bounds
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public AccessToken acquire(TokenRequest request) throws ExoTokenException, InterruptedException {
        Key key = new Key(request.identity(), request.secret().version(), request.scope().value());
        AccessToken cached = cache.get(key);
        if (cached != null && cached.validFor(request.minimumValidity(), clock)) {
            return cached;
        }
        CompletableFuture<AccessToken> flight = new CompletableFuture<>();
        CompletableFuture<AccessToken> existing = flights.putIfAbsent(key, flight);
        if (existing != null) {
            return await(request, existing);
        }
        // Leader: another leader may have filled the cache between our look-up and our flight.
        cached = cache.get(key);
        if (cached != null && cached.validFor(request.minimumValidity(), clock)) {
            flights.remove(key, flight);
            flight.complete(cached);
            return cached;
        }
        try {
            executor.execute(() -> fly(key, request, flight));
        } catch (RuntimeException e) { // executor shut down
            flights.remove(key, flight);
            flight.completeExceptionally(e);
        }
        return await(request, flight);
    }

    /** Forgets cached tokens of an identity, e.g. after its credential was changed or deleted. */
    public void evict(AppIdentity identity) {
        cache.keySet().removeIf(k -> k.identity.equals(identity));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void fly(Key key, TokenRequest request, CompletableFuture<AccessToken> flight) {
        try {
            AccessToken token = withRetries(request);
            cache.put(key, token);
            flights.remove(key, flight);
            flight.complete(token);
        } catch (Throwable t) {
            flights.remove(key, flight);
            flight.completeExceptionally(t);
        }
    }

    private AccessToken await(TokenRequest request, CompletableFuture<AccessToken> flight)
            throws ExoTokenException, InterruptedException {
        Duration bound = retryPolicy.maxTotal()
                .plus(settings.connectTimeout())
                .plus(settings.readTimeout())
                .plus(retryPolicy.maxBackoff());
        try {
            return flight.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("No token for " + request.describe() + " within "
                    + bound.toSeconds() + " s: Entra ID at " + request.identity().cloud().authorityHost()
                    + " does not answer in time.", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExoTokenException failure) {
                throw failure;
            }
            if (cause instanceof InterruptedException) {
                throw new ServiceUnavailableException("The token request for " + request.describe()
                        + " was cancelled.", null);
            }
            throw new ServiceUnavailableException("The token request for " + request.describe()
                    + " failed unexpectedly (" + cause.getClass().getSimpleName() + ").", cause);
        }
    }

    private AccessToken withRetries(TokenRequest request) throws ExoTokenException, InterruptedException {
        Instant deadline = clock.instant().plus(retryPolicy.maxTotal());
        for (int attempt = 1; ; attempt++) {
            try {
                return once(request);
            } catch (TransientFailure failure) {
                Duration wait = failure.retryAfter != null
                        ? min(failure.retryAfter, retryPolicy.maxBackoff())
                        : jitter(retryPolicy.backoffAfter(attempt));
                boolean lastAttempt = attempt >= retryPolicy.maxAttempts();
                boolean pastDeadline = clock.instant().plus(wait).isAfter(deadline);
                LOGGER.log(Level.FINE, "Token request for {0}, attempt {1}: {2}",
                        new Object[] {request.describe(), attempt, failure.getMessage()});
                if (lastAttempt || pastDeadline) {
                    throw new ServiceUnavailableException("No token for " + request.describe() + " after " + attempt
                            + (attempt == 1 ? " attempt" : " attempts") + ": " + failure.getMessage()
                            + ". Try again later; if it persists check network access to "
                            + request.identity().cloud().authorityHost() + " (proxy, firewall).", failure.getCause());
                }
                Thread.sleep(wait.toMillis());
            }
        }
    }

    private AccessToken once(TokenRequest request) throws ExoTokenException, TransientFailure, InterruptedException {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(request.scope().value()))
                .skipCache(true) // this class is the cache: it knows the caller's minimum validity
                .build();
        CompletableFuture<IAuthenticationResult> call = applications.forRequest(request).acquireToken(parameters);
        IAuthenticationResult result;
        try {
            result = call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException | CancellationException e) {
            throw classify(request, e instanceof ExecutionException ? e.getCause() : e);
        }
        return new AccessToken(result.accessToken(), "Bearer", result.expiresOnDate().toInstant(), request.scope());
    }

    private ExoTokenException classify(TokenRequest request, Throwable failure) throws TransientFailure {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof MsalServiceException service) {
            int status = service.statusCode() == null ? 0 : service.statusCode();
            if (status == 429 || status >= 500) {
                throw new TransientFailure("Entra ID answered HTTP " + status,
                        RetryAfter.parse(service.headers(), clock), cause);
            }
            return EntraErrors.translate(request, service);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof MsalHttpTransport.TransportFailure transport) {
                if (transport.getCause() instanceof javax.net.ssl.SSLException) {
                    return new ServiceUnavailableException("TLS with " + request.identity().cloud().authorityHost()
                            + " failed for " + request.describe() + " (" + transport.getCause().getMessage()
                            + "): check the proxy and that the JVM trusts the server's certificate.", transport);
                }
                throw new TransientFailure(transport.getMessage(), null, transport);
            }
        }
        LOGGER.log(Level.FINE, "Unexpected failure of a token request for " + request.describe(), cause);
        return new ServiceUnavailableException("The token request for " + request.describe()
                + " failed: " + cause.getClass().getSimpleName() + " (details in the log at FINE).", cause);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration jitter(Duration base) {
        // Up to 20 % more, so that many clients do not retry in step.
        return base.plusMillis(ThreadLocalRandom.current().nextLong(base.toMillis() / 5 + 1));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "exo-token-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A failure worth another attempt. */
    private static final class TransientFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        TransientFailure(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }
    }
}
