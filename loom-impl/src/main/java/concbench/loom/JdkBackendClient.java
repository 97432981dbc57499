package concbench.loom;

import concbench.contract.Contract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The JDK's {@link HttpClient}, the variant {@code loom:client=jdk}: its blocking {@code send} waits on its own
 * asynchronous engine (a selector platform thread and futures completed on the client's executor). It keeps the
 * HTTP/1.1 connections alive in its pool, which has no bound of its own: a fair semaphore bounds the calls in
 * flight, and so the connections, at {@code --backend-connections}. Interrupting a caller cancels its exchange and
 * closes that connection.
 */
final class JdkBackendClient implements BackendClient {
    /**
     * The client retries a GET once, on a new connection, when a pooled one fails before any byte of the answer
     * ({@code MultiExchange}). The contract wants no silent retry, and this documented property, "the maximum
     * number of attempts to send a HTTP request when redirected or any failure occurs for any reason" (module
     * {@code java.net.http}), is the only switch for it. It is read once, when the JDK's client classes load, so
     * it is set before the first client is built, unless the JVM was started with a value of its own.
     */
    static final String ATTEMPTS_PROPERTY = "jdk.httpclient.redirects.retrylimit";
    /** Nor may a refused connection be tried again: {@code jdk.httpclient.disableRetryConnect}. */
    static final String NO_CONNECT_RETRY_PROPERTY = "jdk.httpclient.disableRetryConnect";
    private static final int OK = 200;

    static {
        if (System.getProperty(ATTEMPTS_PROPERTY) == null) {
            System.setProperty(ATTEMPTS_PROPERTY, "1");
        }
        if (System.getProperty(NO_CONNECT_RETRY_PROPERTY) == null) {
            System.setProperty(NO_CONNECT_RETRY_PROPERTY, "true");
        }
    }

    private final URI backend;
    private final Semaphore connections;
    /** Where the client completes its futures and parses bodies: virtual threads, as everywhere else here. */
    private final ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;

    JdkBackendClient(URI backend, int backendConnections) {
        this.backend = backend;
        this.connections = new Semaphore(backendConnections, true);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(clientThreads)
                .build();
    }

    @Override
    public long value(int delayMs, int index) throws IOException, InterruptedException, BackendException {
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
        return BackendValue.parse(response.body());
    }

    /** Closes the pooled connections and waits for the client's threads to end. */
    @Override
    public void close() {
        http.close();
        clientThreads.close();
    }
}
