package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * msal4j's HTTP calls over the JDK client, so that core's timeouts, proxy and trust apply to them and a
 * transport failure is recognisable ({@link TransportFailure}) for the retry decision. Public so that
 * measurements of raw msal4j can use the same transport (see the benchmarks).
 */
public final class MsalHttpTransport implements IHttpClient {

    // The JDK client sets these itself and refuses them from callers.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final HttpSettings settings;

    public MsalHttpTransport(HttpSettings settings) {
        this.settings = settings;
        this.client = settings.newHttpClient();
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        java.net.http.HttpRequest.Builder builder;
        try {
            builder = java.net.http.HttpRequest.newBuilder(request.url().toURI()).timeout(settings.readTimeout());
        } catch (URISyntaxException e) {
            throw new IOException("invalid URL", e);
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (header.getValue() != null && !RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        String body = request.body();
        builder.method(request.httpMethod().methodName,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        java.net.http.HttpResponse<String> response;
        try {
            response = client.send(builder.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransportFailure(request.url().getHost(), e);
        }
        HttpResponse result = new HttpResponse().statusCode(response.statusCode())
                .body(SentSecrets.redactAnswer(request.body(), request.headers(), response.statusCode(), response.body()));
        result.addHeaders(response.headers().map());
        return result;
    }

    /** The request did not get an answer: connection refused or reset, timeout, TLS failure. */
    static final class TransportFailure extends IOException {
        private static final long serialVersionUID = 1L;

        TransportFailure(String host, IOException cause) {
            super("no answer from " + host + ": " + describe(cause), cause);
        }

        private static String describe(IOException e) {
            String message = e.getMessage();
            return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
    }
}
