package io.jenkins.plugins.exotoken.core.testing;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Holds the client's matching requests before they leave until the test opens the gate, so a test waits for
 * the event it needs ("the call is in flight") instead of sleeping. It is the client's {@link ProxySelector}
 * (give it to {@code HttpSettings.withProxy}): the JDK client asks it once per request, on the sending
 * thread, before connecting. Requests the predicate does not match pass straight to the real selector.
 */
public final class RequestGate extends ProxySelector {

    /** How long a held request waits for {@link #open()} before it goes on anyway (a test that forgot to open). */
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(60);

    private final ProxySelector delegate;
    private final Predicate<URI> held;
    private final CountDownLatch open = new CountDownLatch(1);
    private final Semaphore arrived = new Semaphore(0);
    private final AtomicInteger arrivals = new AtomicInteger();

    /**
     * @param delegate where requests really go, once let through
     * @param held which requests to hold
     */
    public RequestGate(ProxySelector delegate, Predicate<URI> held) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.held = Objects.requireNonNull(held, "held");
    }

    /** A gate for requests that go direct (no proxy), e.g. to the Entra simulator. */
    public static RequestGate direct(Predicate<URI> held) {
        return new RequestGate(HttpClient.Builder.NO_PROXY, held);
    }

    /** Holds requests whose path ends in {@code suffix}, e.g. {@code /oauth2/v2.0/token}. */
    public static Predicate<URI> pathEndsWith(String suffix) {
        return uri -> uri.getPath() != null && uri.getPath().endsWith(suffix);
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (held.test(uri)) {
            arrivals.incrementAndGet();
            arrived.release();
            try {
                open.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // let it go on; the sender sees its interrupt
            }
        }
        return delegate.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        delegate.connectFailed(uri, address, failure);
    }

    /** Waits until {@code count} matching requests have arrived in all (held, or let through once open). */
    public void awaitArrivals(int count, Duration bound) throws InterruptedException {
        if (!arrived.tryAcquire(count, bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("expected " + count + " request(s) at the gate within " + bound + ", saw "
                    + arrivals.get());
        }
        arrived.release(count); // a later wait counts from the start again
    }

    /** Lets held and later requests through. */
    public void open() {
        open.countDown();
    }

    /** Matching requests seen so far. */
    public int arrivals() {
        return arrivals.get();
    }
}
