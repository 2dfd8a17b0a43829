package io.jenkins.plugins.exotoken.core.http;

import java.io.IOException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
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
     * <p>Sent with the blocking {@code send} on the caller's thread, not {@code sendAsync}: the JDK completes a
     * {@code sendAsync} future on the default async pool, which on a machine with one or two cores is a new thread
     * for every request (measured: a quarter of a cold token request). The headers are bounded by the request's
     * timeout and the body by {@link CappedBody}'s deadline, so the whole exchange still ends in time.
     *
     * @throws ExchangeFailure when no complete answer came: see {@link ExchangeFailure.Kind}
     * @throws InterruptedException when the calling thread is interrupted; the exchange is cancelled
     */
    public Answer send(HttpRequest request, Duration timeout) throws ExchangeFailure, InterruptedException {
        String host = request.uri().getHost();
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
        try {
            return new Answer(client.send(bounded, info -> CappedBody.subscriber(info, bodyCap, deadline)));
        } catch (IOException e) {
            throw classify(host, timeout, e);
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
            if (t instanceof HttpTimeoutException || t instanceof CappedBody.TooSlow) {
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
