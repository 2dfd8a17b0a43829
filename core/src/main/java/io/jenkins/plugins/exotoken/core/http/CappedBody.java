package io.jenkins.plugins.exotoken.core.http;

import io.jenkins.plugins.exotoken.core.cache.DaemonThreadFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A body subscriber that keeps at most {@code cap} bytes and must be complete by a deadline; past either it cancels
 * the exchange. The deadline is kept by one shared timer thread, since a body that stalls sends nothing to check it
 * on.
 */
final class CappedBody implements HttpResponse.BodySubscriber<String> {

    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    /** The body did not arrive whole by the deadline. */
    static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("answer not complete by its deadline");
        }
    }

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
    private volatile Flow.@Nullable Subscription subscription;

    private CappedBody(int status, int cap) {
        this.status = status;
        this.cap = cap;
    }

    static HttpResponse.BodySubscriber<String> subscriber(HttpResponse.ResponseInfo info, int cap, Instant deadline) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        CappedBody body = new CappedBody(info.statusCode(), cap);
        if (declared > cap) {
            // Refused before a byte of the body is read.
            body.result.completeExceptionally(new TooLarge(info.statusCode(), cap));
            return body;
        }
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
        ScheduledFuture<?> timer = DEADLINES.schedule(body::expire, left, TimeUnit.NANOSECONDS);
        body.result.whenComplete((text, failure) -> timer.cancel(false));
        return body;
    }

    private void expire() {
        if (result.completeExceptionally(new TooSlow())) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory("http-deadline"));
        timer.setRemoveOnCancelPolicy(true); // a completed body leaves nothing behind in the queue
        return timer;
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
        Flow.Subscription subscription = this.subscription;
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
