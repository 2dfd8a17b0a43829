package io.jenkins.plugins.exotoken.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A tunnelling-only HTTP proxy on loopback ({@code CONNECT host:port}, RFC 9110 §9.3.6) that stands in for
 * DNS: it maps production-shaped vault host names onto the {@link KeyVaultSimulator}'s loopback port, so
 * {@code https://contoso.vault.azure.net} works with no real name resolution and no network.
 *
 * <ul>
 *   <li>{@code CONNECT <name>.<suffix>:443} for a vault the simulator knows: tunnelled to the simulator. TLS is
 *       end to end (client ↔ simulator), so the client checks the simulator's certificate for the vault host,
 *       as it would in production.
 *   <li>{@code CONNECT <name>.<suffix>:443} for an unknown vault: {@code 502 Bad Gateway}, which is what a
 *       corporate proxy answers when the name does not resolve; the client sees a connection-level failure
 *       (the JDK client: "Unable to tunnel through proxy"), never an HTTP answer from a vault.
 *   <li>{@code CONNECT 127.0.0.1:<port>}: tunnelled unchanged (the Entra simulator and other loopback servers
 *       stay reachable through the same proxy selector).
 *   <li>Anything else, including another port on a vault host and other host names: {@code 403 Forbidden}.
 *       Plain (non-CONNECT) requests: {@code 405}.
 * </ul>
 * Each tunnel's {@code host:port} is remembered, refused ones too, so tests can prove that a bearer token
 * was never sent anywhere but the vault.
 */
public final class VaultHostProxy implements AutoCloseable {

    /** One CONNECT the proxy received, and the status it answered. */
    public record Tunnel(String target, int status) {}

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vault-host-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();
    private final String dnsSuffix;
    private final Predicate<String> knownHost;
    private final int targetPort;

    /**
     * @param dnsSuffix the vault DNS suffix, e.g. {@code vault.azure.net}
     * @param knownHost whether a full vault host name ({@code contoso.vault.azure.net}) exists
     * @param targetPort the loopback port vault hosts are mapped to
     */
    public VaultHostProxy(String dnsSuffix, Predicate<String> knownHost, int targetPort) throws IOException {
        this.dnsSuffix = dnsSuffix.toLowerCase(Locale.ROOT);
        this.knownHost = knownHost;
        this.targetPort = targetPort;
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        executor.execute(this::acceptLoop);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Every CONNECT received so far, in order. */
    public List<Tunnel> tunnels() {
        return List.copyOf(tunnels);
    }

    public void clearTunnels() {
        tunnels.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                executor.execute(() -> tunnel(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            OutputStream toClient = client.getOutputStream();
            if (requestLine.length < 3 || !"CONNECT".equals(requestLine[0])) {
                answer(toClient, "405 Method Not Allowed");
                return;
            }
            String target = requestLine[1];
            int colon = target.lastIndexOf(':');
            if (colon <= 0) {
                tunnels.add(new Tunnel(target, 400));
                answer(toClient, "400 Bad Request");
                return;
            }
            String host = target.substring(0, colon).toLowerCase(Locale.ROOT);
            int port;
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            } catch (NumberFormatException e) {
                tunnels.add(new Tunnel(target, 400));
                answer(toClient, "400 Bad Request");
                return;
            }
            int upstreamPort;
            if ("127.0.0.1".equals(host)) {
                upstreamPort = port;
            } else if (host.endsWith("." + dnsSuffix) && port == 443) {
                if (!knownHost.test(host)) {
                    tunnels.add(new Tunnel(target, 502));
                    answer(toClient, "502 Bad Gateway");
                    return;
                }
                upstreamPort = targetPort;
            } else {
                tunnels.add(new Tunnel(target, 403));
                answer(toClient, "403 Forbidden");
                return;
            }
            Socket upstream;
            try {
                upstream = new Socket(InetAddress.getByName("127.0.0.1"), upstreamPort);
            } catch (IOException e) {
                tunnels.add(new Tunnel(target, 502));
                answer(toClient, "502 Bad Gateway");
                return;
            }
            tunnels.add(new Tunnel(target, 200));
            try (upstream) {
                toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                toClient.flush();
                executor.execute(() -> pipe(client, upstream));
                pipe(upstream, client);
            }
        } catch (IOException e) {
            // a closed tunnel
        }
    }

    private static void answer(OutputStream out, String status) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side closed
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
            if (n > 16384) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
