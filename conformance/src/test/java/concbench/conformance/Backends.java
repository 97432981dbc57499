package concbench.conformance;

import com.sun.net.httpserver.HttpServer;
import concbench.backend.DelayBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The back ends a server under test talks to: the real delay back end, a broken one, and none at all. */
final class Backends {
    private static DelayBackend delay;

    private Backends() {
    }

    /** The real delay back end, started once for the whole suite on one event-loop thread. */
    static synchronized URI delay() throws InterruptedException {
        if (delay == null) {
            delay = DelayBackend.start("127.0.0.1", 0, 1);
        }
        return URI.create("http://127.0.0.1:" + delay.address().getPort());
    }

    /** An address where nothing listens: the port was free a moment ago and is closed again. */
    static URI down() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + probe.getLocalPort());
        }
    }

    /** A back end that answers every request at once with the given status and body. */
    static Broken broken(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return new Broken(server);
    }

    record Broken(HttpServer server) implements AutoCloseable {
        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
