package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import io.jenkins.plugins.exotoken.core.http.Answer;
import io.jenkins.plugins.exotoken.core.http.BoundedExchange;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * msal4j's HTTP calls over the JDK client, so that core's timeouts, size cap, proxy and trust apply to them, and
 * so that answers are classified by HTTP status before msal4j parses anything: 429 and 5xx, an error answer that
 * is not JSON (a proxy's page) and a success whose shape msal4j cannot read are thrown as {@link UnusableAnswer};
 * no complete answer as {@link io.jenkins.plugins.exotoken.core.http.ExchangeFailure}. msal4j wraps both in its
 * own exception, keeping them as the cause. Public so that measurements of raw msal4j can use the same transport
 * (see the benchmarks).
 */
public final class MsalHttpTransport implements IHttpClient {

    /** What a success answer must hold for msal4j to read it. */
    enum Shape {
        /** Entra ID's token endpoint: {@code access_token} and {@code expires_in}. */
        TOKEN_ENDPOINT("Entra ID", "expires_in"),
        /** A managed-identity endpoint: {@code access_token} and {@code expires_on}. */
        MANAGED_IDENTITY("the managed identity endpoint", "expires_on");

        /** The service, for messages. */
        final String service;
        final String lifetimeField;

        Shape(String service, String lifetimeField) {
            this.service = service;
            this.lifetimeField = lifetimeField;
        }
    }

    // The JDK client sets these itself and refuses them from callers.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final BoundedExchange exchange;
    private final HttpSettings settings;
    private final Shape shape;

    public MsalHttpTransport(HttpSettings settings) {
        this(settings, Shape.TOKEN_ENDPOINT);
    }

    MsalHttpTransport(HttpSettings settings, Shape shape) {
        this.settings = settings;
        this.exchange = new BoundedExchange(settings.newHttpClient());
        this.shape = shape;
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
        Answer answer = exchange.send(builder.build(), settings.readTimeout());
        check(answer);
        // An error answer may echo the request (a misbehaving proxy): mask its secrets before msal4j logs or
        // quotes it.
        HttpResponse result = new HttpResponse().statusCode(answer.status())
                .body(SentSecrets.redactAnswer(body, request.headers(), answer.status(), answer.body()));
        result.addHeaders(answer.headers().map());
        return result;
    }

    private void check(Answer answer) throws UnusableAnswer {
        if (answer.worthRetrying() || (answer.status() != 200 && !answer.isJson())) {
            throw new UnusableAnswer(shape.service, answer, null);
        }
        if (answer.status() == 200) {
            String problem = AnswerShape.problem(answer, shape.lifetimeField);
            if (problem != null) {
                throw new UnusableAnswer(shape.service, answer, problem);
            }
        }
    }

    /**
     * An answer not handed to msal4j: throttling or a server error (status first, whatever the body), an error
     * that is not JSON, or a success msal4j could not read.
     */
    static final class UnusableAnswer extends IOException {
        private static final long serialVersionUID = 1L;

        private final String service;
        private final transient Answer answer;
        private final @Nullable String problem;

        UnusableAnswer(String service, Answer answer, @Nullable String problem) {
            super(service + " answered HTTP " + answer.status() + (problem == null ? "" : ": its answer " + problem));
            this.service = service;
            this.answer = answer;
            this.problem = problem;
        }

        /** Who answered, for messages: {@code Entra ID}, {@code the managed identity endpoint}. */
        String service() {
            return service;
        }

        Answer answer() {
            return answer;
        }

        /** What is wrong with a success's body, or {@code null} for an error status. */
        @Nullable String problem() {
            return problem;
        }
    }
}
