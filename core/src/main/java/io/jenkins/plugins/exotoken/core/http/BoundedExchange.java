package io.jenkins.plugins.exotoken.core.http;

import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange with a hard end: the whole exchange — connection, request, headers and every byte of the
 * body — must finish within the timeout given, or it is cancelled; and the body is read only up to a cap. The
 * JDK client's own request timeout covers the headers only, so a server that drips its body would otherwise
 * hold a caller for as long as it likes.
 */
public final class BoundedExchange {

    /**
     * The largest answer read: token and managed-identity answers are a few KB, a Key Vault secret at most
     * 25 KB (plus its JSON envelope).
     */
    public static final int DEFAULT_BODY_CAP = 256 * 1024;

    private final HttpClient client;
    private final int bodyCap;

    public BoundedExchange(HttpClient client, int bodyCap) {
        this.client = client;
        this.bodyCap = bodyCap;
    }

    public BoundedExchange(HttpClient client) {
        this(client, DEFAULT_BODY_CAP);
    }

    /**
     * Sends {@code request} and reads the whole answer within {@code timeout}.
     *
     * @throws ExchangeFailure when no complete answer came: see {@link ExchangeFailure.Kind}
     * @throws InterruptedException when the calling thread is interrupted; the exchange is cancelled
     */
    public Answer send(HttpRequest request, Duration timeout) throws ExchangeFailure, InterruptedException {
        String host = request.uri().getHost();
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, info -> CappedBody.subscriber(info, bodyCap));
        try {
            HttpResponse<String> response = pending.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return new Answer(response);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ExchangeFailure(ExchangeFailure.Kind.TIMEOUT, 0,
                    "no complete answer from " + host + " within " + Seconds.of(timeout), e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw classify(host, timeout, e.getCause());
        }
    }

    private static ExchangeFailure classify(String host, Duration timeout, @Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge tooLarge) {
                return new ExchangeFailure(ExchangeFailure.Kind.TOO_LARGE, tooLarge.status(),
                        "the answer from " + host + " is larger than " + tooLarge.cap() / 1024 + " KiB", t);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new ExchangeFailure(ExchangeFailure.Kind.UNKNOWN_HOST, 0, "cannot resolve host " + host, t);
            }
            if (t instanceof SSLException) {
                return new ExchangeFailure(ExchangeFailure.Kind.TLS, 0,
                        "TLS with " + host + " failed (" + t.getMessage() + ")", t);
            }
            if (t instanceof HttpTimeoutException) {
                // the request's own timeout, if the caller set one: the same fact as ours
                return new ExchangeFailure(ExchangeFailure.Kind.TIMEOUT, 0,
                        "no complete answer from " + host + " within " + Seconds.of(timeout), t);
            }
        }
        String message = failure == null ? null : failure.getMessage();
        return new ExchangeFailure(ExchangeFailure.Kind.NO_ANSWER, 0, "no answer from " + host + ": "
                + (failure == null ? "unknown failure" : failure.getClass().getSimpleName())
                + (message == null || message.isBlank() ? "" : " (" + message.lines().findFirst().orElse("") + ")"),
                failure);
    }
}
