package io.jenkins.plugins.exotoken.core.http;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * A complete HTTP answer, its body read within the cap.
 *
 * @param response the JDK's response, body decoded as UTF-8
 */
public record Answer(HttpResponse<String> response) {

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    public String body() {
        return response.body() == null ? "" : response.body();
    }

    /** 429 and 5xx: the service is throttling or failing, and may answer another attempt. */
    public boolean worthRetrying() {
        return status() == 429 || status() >= 500;
    }

    /** Whether the body looks like JSON (an object or an array), as every service core talks to answers. */
    public boolean isJson() {
        String b = body().stripLeading();
        return b.startsWith("{") || b.startsWith("[");
    }

    /** What the body is, for a message when it is not the JSON expected: e.g. {@code an HTML page}. */
    public String bodyKind() {
        String b = body().stripLeading();
        if (b.isEmpty()) {
            return "an empty body";
        }
        if (isJson()) {
            return "JSON";
        }
        String type = headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return b.startsWith("<") || type.contains("html") ? "an HTML page" : "text that is not JSON";
    }
}
