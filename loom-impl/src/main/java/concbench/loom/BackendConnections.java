package concbench.loom;

import io.helidon.common.tls.Tls;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.ConnectionKey;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.TcpClientConnection;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.http1.Http1Client;
import java.net.URI;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * This server's own cache of idle keep-alive connections to the back end, as Helidon's HTTP/1.1 client keeps them
 * ({@code Http1ConnectionCache}: a bounded deque per host, each idle connection watched for a close by the back
 * end), but held by the call that uses a connection, so that the call can close it. Helidon's cache hands a
 * connection to the request and never back to the caller; a call interrupted while it waits on a reused one (in
 * Helidon 4.5.0 it then waits on the connection's idle-monitor future, not on the socket) would leave the socket
 * open, unusable but not closed, until collected.
 */
final class BackendConnections implements AutoCloseable {
    private static final Tls NO_TLS = Tls.builder().enabled(false).build();
    private static final List<String> HTTP_1_1 = List.of(Http1Client.PROTOCOL_ID);

    private final WebClient webClient;
    private final ConnectionKey backend;
    /** Idle connections, newest last; at most the calls in flight, since each one is returned by one call. */
    private final LinkedBlockingDeque<ClientConnection> idle;

    BackendConnections(WebClient webClient, URI backend, int capacity) {
        this.webClient = webClient;
        this.backend = ConnectionKey.create(backend.getScheme(), backend.getHost(), backend.getPort(), NO_TLS,
                webClient.prototype().dnsResolver(), webClient.prototype().dnsAddressLookup(), Proxy.noProxy());
        this.idle = new LinkedBlockingDeque<>(capacity);
    }

    /** An idle connection the back end has not closed, or else a new one. */
    ClientConnection take() {
        ClientConnection connection;
        while ((connection = idle.pollLast()) != null) {
            if (connection.isConnected()) {
                return connection;
            }
            connection.closeResource();
        }
        return TcpClientConnection.create(webClient, backend, HTTP_1_1, this::giveBack, closed -> { })
                .connect();
    }

    /**
     * Called by Helidon when a response was read whole and closed: the connection becomes idle again. Marked idle
     * first, as Helidon's own cache does, so that a virtual thread reads it and notices when the back end closes it.
     * False closes it.
     */
    private boolean giveBack(ClientConnection connection) {
        if (!connection.isConnected()) {
            return false;
        }
        connection.helidonSocket().idle();
        return idle.offerLast(connection);
    }

    /** Closes the idle connections; those in use are closed by their calls. */
    @Override
    public void close() {
        ClientConnection connection;
        while ((connection = idle.poll()) != null) {
            connection.closeResource();
        }
    }
}
