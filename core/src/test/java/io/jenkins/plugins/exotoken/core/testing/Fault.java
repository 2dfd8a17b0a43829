package io.jenkins.plugins.exotoken.core.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One injected misbehaviour of a simulator, consumed by its next request: an error status (with an optional
 * {@code Retry-After}), or a normal answer after a delay.
 *
 * @param status the status to answer instead of the normal one, or 0 to answer normally
 * @param retryAfter the {@code Retry-After} value to send, or {@code null}
 * @param delay how long to wait before answering
 * @param echo whether the error answer carries the request (its headers and body) verbatim in its description
 */
public record Fault(int status, String retryAfter, Duration delay, boolean echo) {

    public Fault(int status, String retryAfter, Duration delay) {
        this(status, retryAfter, delay, false);
    }

    public static Fault status(int status) {
        return new Fault(status, null, Duration.ZERO);
    }

    public static Fault status(int status, String retryAfter) {
        return new Fault(status, retryAfter, Duration.ZERO);
    }

    public static Fault throttled(String retryAfter) {
        return new Fault(429, retryAfter, Duration.ZERO);
    }

    /** Answers normally, after a delay. */
    public static Fault slow(Duration delay) {
        return new Fault(0, null, delay);
    }

    // ---- echo: a misbehaving endpoint or proxy that reflects the request, secrets included ----

    /**
     * Answers {@code status} (e.g. 400 or 401) in the service's error shape, with the request's method, path,
     * headers and body, verbatim on one line, as the error description: what a misbehaving proxy or endpoint
     * that reflects the request would send back. See {@link #echoOf}.
     */
    public static Fault echo(int status) {
        return new Fault(status, null, Duration.ZERO, true);
    }

    /**
     * The request as an echoing endpoint reflects it, on one line and body first (so that it survives any
     * truncation of a description): {@code body: …; METHOD path; Header: value; …}.
     */
    static String echoOf(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String headers = exchange.getRequestHeaders().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(h -> h.getKey() + ": " + String.join(", ", h.getValue() == null ? List.of() : h.getValue()))
                .collect(Collectors.joining("; "));
        return "body: " + body + "; " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + "; " + headers;
    }

    /** Waits out the delay; an interrupt ends the wait and is kept. */
    void pause() {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
