package io.jenkins.plugins.exotoken.core.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * An answer a broken network or a hostile server gives instead of the simulator's own, consumed by the next
 * request of a simulator ({@code injectHostile}): a body dripped a byte at a time, an oversized body, a proxy's
 * HTML page, a malformed success. Kept apart from {@link Fault} (status faults and delays), so that each kind of
 * misbehaviour stays in its own place.
 *
 * @param status the HTTP status sent
 * @param contentType the {@code Content-Type} sent
 * @param body the body
 * @param dripInterval when not {@code null}, the body is sent one byte per interval
 * @param chunked whether the body is sent without a {@code Content-Length} (chunked), so only reading tells its size
 */
public record HostileAnswer(int status, String contentType, byte[] body, Duration dripInterval, boolean chunked) {

    /** Any status and body, sent at once. */
    public static HostileAnswer of(int status, String contentType, String body) {
        return new HostileAnswer(status, contentType, body.getBytes(StandardCharsets.UTF_8), null, false);
    }

    /** A JSON success body, sent at once: for malformed answers (no token, CR/LF in it, a negative lifetime…). */
    public static HostileAnswer json200(String body) {
        return of(200, "application/json; charset=utf-8", body);
    }

    /** A gateway's or proxy's HTML error page. */
    public static HostileAnswer htmlPage(int status) {
        return of(status, "text/html", "<!DOCTYPE html><html><head><title>" + status + " Bad Gateway</title></head>"
                + "<body><h1>" + status + "</h1><p>The upstream server did not answer.</p></body></html>");
    }

    /** {@code body} sent one byte per {@code interval}: headers at once, then a trickle that never seems to end. */
    public static HostileAnswer drip(Duration interval, String body) {
        return new HostileAnswer(200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
                interval, false);
    }

    /** A 200 JSON answer of {@code bytes} bytes: a string value that goes on and on. */
    public static HostileAnswer oversized(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[bytes - 2] = '"';
        body[bytes - 1] = '}';
        return new HostileAnswer(200, "application/json; charset=utf-8", body, null, false);
    }

    /** Like {@link #oversized}, without a {@code Content-Length}: the size shows only while reading. */
    public static HostileAnswer oversizedWithoutLength(int bytes) {
        HostileAnswer sized = oversized(bytes);
        return new HostileAnswer(sized.status, sized.contentType, sized.body, null, true);
    }

    /** Sends this answer; a client that gives up (closing the connection) ends the drip. */
    void send(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (dripInterval == null) {
                out.write(body);
                return;
            }
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(dripInterval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
