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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on loopback that only tunnels ({@code CONNECT host:port}, RFC 9110 §9.3.6), as corporate
 * proxies do for HTTPS, and remembers each tunnel's target; tunnels only to loopback.
 */
public final class LoopbackConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> tunnels = new CopyOnWriteArrayList<>();

    public LoopbackConnectProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.execute(this::acceptLoop);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** {@code host:port} of each tunnel opened so far. */
    public List<String> tunnels() {
        return List.copyOf(tunnels);
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
            if (requestLine.length < 2 || !"CONNECT".equals(requestLine[0])) {
                toClient.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String target = requestLine[1];
            int colon = target.lastIndexOf(':');
            String host = target.substring(0, colon);
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                toClient.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            tunnels.add(target);
            try (Socket upstream = new Socket(host, Integer.parseInt(target.substring(colon + 1)))) {
                toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                toClient.flush();
                executor.execute(() -> pipe(client, upstream));
                pipe(upstream, client);
            }
        } catch (IOException e) {
            // a closed tunnel
        }
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
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
