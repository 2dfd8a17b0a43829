package io.jenkins.plugins.exotoken.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The HTTP(S) server under each simulator: bound to 127.0.0.1 only, TLS from the test CA, its own thread pool,
 * the {@link HostileAnswer}s injected into it, and closing. The simulators keep only their service's behaviour.
 */
final class LoopbackServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body apart; without TCP_NODELAY the client's delayed ACK stalls
        // every answer by ~40 ms (read once, when the first server of the JVM starts).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<HostileAnswer> hostileAnswers = new ConcurrentLinkedQueue<>();

    private LoopbackServer(HttpServer server, int threads, HttpHandler handler) {
        this.server = server;
        this.executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
    }

    /** HTTPS on 127.0.0.1, any free port, presenting {@code chain} (leaf first) with {@code key}. */
    static LoopbackServer https(PrivateKey key, X509Certificate[] chain, int threads, HttpHandler handler)
            throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(loopback(), 0), 128);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls(key, chain)));
        return new LoopbackServer(server, threads, handler);
    }

    /** Plain HTTP on 127.0.0.1, on {@code port} (0: any free port). */
    static LoopbackServer http(int port, int threads, HttpHandler handler) throws IOException {
        return new LoopbackServer(HttpServer.create(new InetSocketAddress(loopback(), port), 64), threads, handler);
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByName("127.0.0.1");
    }

    private static SSLContext serverTls(PrivateKey key, X509Certificate[] chain) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", key, new char[0], chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    int port() {
        return server.getAddress().getPort();
    }

    // ---- hostile answers ----

    void injectHostile(HostileAnswer... answers) {
        hostileAnswers.addAll(List.of(answers));
    }

    void clearHostile() {
        hostileAnswers.clear();
    }

    /** Sends the next injected hostile answer, if any: then the simulator must not answer itself. */
    boolean answeredHostile(HttpExchange exchange) throws IOException {
        HostileAnswer hostile = hostileAnswers.poll();
        if (hostile == null) {
            return false;
        }
        hostile.send(exchange);
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
