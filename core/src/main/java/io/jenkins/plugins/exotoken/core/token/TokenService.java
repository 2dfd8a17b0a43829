package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.EntraError;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.cache.DaemonThreadFactory;
import io.jenkins.plugins.exotoken.core.cache.SingleFlightCache;
import io.jenkins.plugins.exotoken.core.http.Answer;
import io.jenkins.plugins.exotoken.core.http.Deadline;
import io.jenkins.plugins.exotoken.core.http.ExchangeFailure;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryAfter;
import io.jenkins.plugins.exotoken.core.http.RetryLoop;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.http.TransientFailure;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.redact.Redactor;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

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
    /** How long past the retry budget a caller waits for a shared call, which ends within the budget itself. */
    private static final Duration WAITER_GRACE = Duration.ofSeconds(5);

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

    private final RetryLoop retries;
    private final Clock clock;
    private final ExecutorService executor;
    private final SingleFlightCache<Key, Held> tokens;
    private final ClientApplications applications;
    private final ManagedIdentityApplications managedIdentities;

    public TokenService(HttpSettings settings, RetryPolicy retryPolicy, Clock clock) {
        this.retries = new RetryLoop(retryPolicy, settings.readTimeout());
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(new DaemonThreadFactory("token"));
        this.tokens = new SingleFlightCache<>(executor, clock, new SingleFlightCache.Policy<>(MAX_TOKENS,
                held -> held.token.expiresOn(), OUTAGE_RETRY, refusal -> false, Duration.ZERO));
        MsalHttpTransport transport = new MsalHttpTransport(settings, MsalHttpTransport.Shape.TOKEN_ENDPOINT);
        this.applications = new ClientApplications(transport, executor);
        // Managed-identity endpoints are local to the machine (IMDS, App Service's sidecar): never via a proxy,
        // and one that does not connect within seconds is not there (e.g. IMDS off Azure).
        HttpSettings local = settings.withProxy(HttpClient.Builder.NO_PROXY, null).withTimeouts(
                min(settings.connectTimeout(), MANAGED_IDENTITY_CONNECT_TIMEOUT), settings.readTimeout());
        this.managedIdentities = new ManagedIdentityApplications(
                new MsalHttpTransport(local, MsalHttpTransport.Shape.MANAGED_IDENTITY), executor);
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
                    AccessToken token = retries.run(deadline -> once(call, deadline),
                            exhausted -> unavailable(call, exhausted));
                    return new Held(token, clock.instant());
                },
                retries.budget().plus(WAITER_GRACE), new CallReporting(call.description, call.endpoint)).token;
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
            LOGGER.log(Level.FINE, () -> description + ": the shared call ended without an answer\n"
                    + Redactor.tokenShapes().stackTrace(cause));
            return new ServiceUnavailableException(description + ": the call to " + endpoint + " ended without an"
                    + " answer (" + cause.getClass().getSimpleName() + "; details in the log at FINE).", cause);
        }

        @Override
        public void usingStale(Held stale, ServiceUnavailableException outage) {
            LOGGER.log(Level.WARNING,
                    "{0} Using the cached token that expires at {1} meanwhile, and asking again in {2} s.",
                    new Object[] {outage.getMessage(), stale.token.expiresOn(), OUTAGE_RETRY.toSeconds()});
        }
    }

    private AccessToken once(Call call, Deadline deadline)
            throws ExoTokenException, TransientFailure, InterruptedException {
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
            // The transport ends each exchange at the read timeout; this wait ends at the operation's deadline.
            result = pending.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new TransientFailure("no complete answer from " + call.endpoint + " in the time left", null, e);
        } catch (ExecutionException | CancellationException e) {
            throw classify(call, e instanceof ExecutionException ? e.getCause() : e);
        }
        Instant expiresOn = result.expiresOnDate() == null ? null : result.expiresOnDate().toInstant();
        String problem = AccessToken.problem(result.accessToken(), expiresOn, clock);
        if (problem != null) {
            throw unreadable(call, problem, 200, null);
        }
        return new AccessToken(result.accessToken(), "Bearer", expiresOn, call.scope);
    }

    /**
     * Classifies a failed attempt: by HTTP status first (the transport sees it before msal4j parses anything),
     * then by what kept an answer from coming; JSON refusals go to the call's translation.
     */
    private ExoTokenException classify(Call call, Throwable failure) throws TransientFailure {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof MsalHttpTransport.UnusableAnswer unusable) {
                Answer answer = unusable.answer();
                String said = unusable.service() + " answered HTTP " + answer.status() + (answer.isJson() ? ""
                        : " with " + answer.bodyKind() + ", not " + unusable.service()
                                + "'s JSON: a proxy or gateway in between?");
                if (answer.worthRetrying()) {
                    throw new TransientFailure(said, RetryAfter.parse(answer.headers().map(), clock), unusable);
                }
                return unreadable(call, answer.isJson() ? unusable.service() + "'s answer " + unusable.problem()
                        : said, answer.status(), unusable);
            }
            if (t instanceof ExchangeFailure exchange) {
                switch (exchange.kind()) {
                    case UNKNOWN_HOST:
                        return new ServiceUnavailableException(call.description + ": " + exchange.getMessage()
                                + ": check the name, DNS or proxy.", exchange);
                    case TLS:
                        return new ServiceUnavailableException(call.description + ": " + exchange.getMessage()
                                + ": check the proxy and that the JVM trusts the server's certificate.", exchange);
                    case TOO_LARGE:
                        return unreadable(call, exchange.getMessage() + "; a token answer is a few KB: is the"
                                + " endpoint right, or a proxy in between?", exchange.status(), exchange);
                    default:
                        throw new TransientFailure(exchange.getMessage(), null, exchange);
                }
            }
        }
        if (cause instanceof MsalServiceException service) {
            return call.refusal.apply(service);
        }
        LOGGER.log(Level.FINE, () -> call.description + ": unexpected failure\n"
                + Redactor.tokenShapes().stackTrace(cause));
        return new ServiceUnavailableException(call.description + ": " + cause.getClass().getSimpleName()
                + " (details in the log at FINE).", cause);
    }

    /** An answer that came but cannot be used: not an outage (trying again will not help), so a refusal. */
    private static AuthenticationFailedException unreadable(Call call, String what, int status,
            @Nullable Throwable cause) {
        if (cause != null) {
            LOGGER.log(Level.FINE, () -> call.description + ": unusable answer\n"
                    + Redactor.tokenShapes().stackTrace(cause));
        }
        return new AuthenticationFailedException(call.description + ": " + what + (what.endsWith("?") ? "" : "."),
                new EntraError(status, "unreadable_answer", null, what, null, null));
    }

    private static ServiceUnavailableException unavailable(Call call, RetryLoop.Exhausted exhausted) {
        return new ServiceUnavailableException(call.description + " " + exhausted.sentence()
                + " Try again later; if it persists check network access to " + call.endpoint
                + " (proxy, firewall).", exhausted.last().getCause());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
