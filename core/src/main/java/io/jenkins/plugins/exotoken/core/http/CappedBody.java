package io.jenkins.plugins.exotoken.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A body subscriber that keeps at most {@code cap} bytes and cancels the exchange past them. */
final class CappedBody implements HttpResponse.BodySubscriber<String> {

    /** The answer went past the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final int cap;

        TooLarge(int status, int cap) {
            super("answer larger than " + cap + " bytes");
            this.status = status;
            this.cap = cap;
        }

        int status() {
            return status;
        }

        int cap() {
            return cap;
        }
    }

    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int status;
    private final int cap;
    private Flow.Subscription subscription;

    private CappedBody(int status, int cap) {
        this.status = status;
        this.cap = cap;
    }

    static HttpResponse.BodySubscriber<String> subscriber(HttpResponse.ResponseInfo info, int cap) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        CappedBody body = new CappedBody(info.statusCode(), cap);
        if (declared > cap) {
            // Refused before a byte of the body is read.
            body.result.completeExceptionally(new TooLarge(info.statusCode(), cap));
        }
        return body;
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(status, cap));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
}
