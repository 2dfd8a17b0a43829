package io.jenkins.plugins.exotoken.benchmarks;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * For the diagnostic cold variant only: msal4j's HTTP calls over the JDK HttpClient, built the way core's
 * (package-private) {@code MsalHttpTransport} builds it, so that raw msal4j can be measured with the same
 * transport as TokenService. This separates the cost of the transport from the cost of TokenService itself.
 */
final class JdkHttpClientTransport implements IHttpClient {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final HttpSettings settings;

    JdkHttpClientTransport(HttpSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .proxy(settings.proxySelector())
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.ssl().ifPresent(builder::sslContext);
        this.client = builder.build();
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        java.net.http.HttpRequest.Builder builder =
                java.net.http.HttpRequest.newBuilder(request.url().toURI()).timeout(settings.readTimeout());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (header.getValue() != null && !RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        String body = request.body();
        builder.method(request.httpMethod().methodName,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        java.net.http.HttpResponse<String> response = client.send(builder.build(), BodyHandlers.ofString());
        HttpResponse result = new HttpResponse().statusCode(response.statusCode()).body(response.body());
        result.addHeaders(response.headers().map());
        return result;
    }
}
