package concbench.loom;

import concbench.contract.Contract;
import io.helidon.http.Status;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Semaphore;

/**
 * Helidon's HTTP/1.1 WebClient, the default: the whole exchange (write the request, read and parse the answer)
 * runs on the calling virtual thread over a blocking socket, with no thread of its own in between. Its connections
 * are this server's alone ({@link BackendConnections}); a fair semaphore bounds the calls in flight, and so the
 * connections open at once, at {@code --backend-connections}. A call that fails or is interrupted closes its
 * connection, and nothing is retried: Helidon's client has no retry, and a failure here is the fan-out's 502.
 */
final class HelidonBackendClient implements BackendClient {
    private final Semaphore calls;
    private final WebClient webClient;
    private final Http1Client http;
    private final BackendConnections connections;

    HelidonBackendClient(URI backend, int backendConnections) {
        this.calls = new Semaphore(backendConnections, true);
        this.webClient = WebClient.builder()
                .baseUri(backend)
                // The contract: any answer but 200 is a 502, so a redirect is not followed.
                .followRedirects(false)
                // The back end is reached directly. The default, the system's proxy settings, would look up a proxy
                // for every request and add a Proxy-Connection header to it.
                .proxy(Proxy.noProxy())
                // Connections come from BackendConnections, never from the JVM-wide cache Helidon shares by default.
                .shareConnectionCache(false)
                .build();
        this.http = webClient.client(Http1Client.PROTOCOL);
        this.connections = new BackendConnections(webClient, backend, backendConnections);
    }

    @Override
    public long value(int delayMs, int index) throws IOException, InterruptedException, BackendException {
        calls.acquire();
        try {
            return call(Contract.delayPathAndQuery(delayMs, index));
        } finally {
            calls.release();
        }
    }

    /**
     * Closing a response read whole gives its connection back ({@link BackendConnections}); any failure closes
     * it here, so that no half-read answer and no abandoned exchange is ever reused.
     */
    private long call(String pathAndQuery) throws IOException, InterruptedException, BackendException {
        ClientConnection connection = null;
        try {
            connection = connections.take();
            // A URI, not a string: get(String) would take the whole of it for a path and encode its '?'.
            try (Http1ClientResponse response = http.get().uri(URI.create(pathAndQuery)).connection(connection)
                    .request()) {
                if (response.status().code() != Status.OK_200.code()) {
                    throw new BackendException("status " + response.status().code());
                }
                return BackendValue.parse(response.as(String.class));
            }
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.closeResource();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("the fan-out gave up on this call");
            }
            throw e instanceof UncheckedIOException io ? io.getCause() : new IOException(e);
        }
    }

    @Override
    public void close() {
        connections.close();
        webClient.closeResource();
    }
}
