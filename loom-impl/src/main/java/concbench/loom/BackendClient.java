package concbench.loom;

import concbench.contract.Contract;
import concbench.contract.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The back end, called with plain blocking code: {@link #value} parks the calling virtual thread until the answer
 * is in. The JDK's {@link HttpClient} keeps the HTTP/1.1 connections alive in its pool; a fair semaphore bounds the
 * calls in flight, and so the connections open at once, at {@link ServerConfig#backendConnections()}, because the
 * client itself has no such bound. Interrupting a caller cancels its exchange and closes that connection.
 */
final class BackendClient implements AutoCloseable {
    private static final int OK = 200;

    private final URI backend;
    private final Semaphore connections;
    /** Where the client completes its futures and parses bodies: virtual threads, as everywhere else here. */
    private final ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;

    BackendClient(ServerConfig config) {
        this.backend = config.backend();
        this.connections = new Semaphore(config.backendConnections(), true);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(clientThreads)
                .build();
    }

    /**
     * Makes call {@code index} of a fan-out and returns the back end's value.
     *
     * @throws BackendException when the back end answers other than 200 or with a body that is not a number
     * @throws IOException when the back end refuses or breaks the connection
     * @throws InterruptedException when the fan-out gave up on this call (its exchange is cancelled)
     */
    long value(int delayMs, int index) throws IOException, InterruptedException, BackendException {
        HttpRequest request = HttpRequest.newBuilder(backend.resolve(Contract.delayPathAndQuery(delayMs, index)))
                .GET()
                .build();
        HttpResponse<String> response;
        connections.acquire();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            // The client has put the connection back into its pool before send returns, so the bound holds.
            connections.release();
        }
        if (response.statusCode() != OK) {
            throw new BackendException("status " + response.statusCode());
        }
        try {
            return Contract.parseBackendValue(response.body());
        } catch (NumberFormatException e) {
            throw new BackendException("body is not a number");
        }
    }

    /** Closes the pooled connections and waits for the client's threads to end. */
    @Override
    public void close() {
        http.close();
        clientThreads.close();
    }

    /** The back end answered, but not with a value: a 502. */
    static final class BackendException extends Exception {
        BackendException(String reason) {
            super(reason, null, false, false);
        }
    }
}
