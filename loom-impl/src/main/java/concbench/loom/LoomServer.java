package concbench.loom;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.Route;
import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpLogConfig;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import java.net.InetSocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helidon WebServer 4 SE: one platform thread accepts connections and hands each to a virtual thread of its own,
 * which reads the connection's requests one after the other and runs each route on itself, with plain blocking
 * code. Pipelined requests are therefore answered in order without any effort here.
 */
final class LoomServer implements RunningServer {
    /**
     * Helidon logs its start and stop at INFO through java.util.logging; only its warnings belong next to the
     * launcher's own line. Held in a field because JUL keeps loggers weakly, and the level with them.
     */
    private static final Logger HELIDON_LOG = Logger.getLogger("io.helidon");

    static {
        HELIDON_LOG.setLevel(Level.WARNING);
    }

    private final WebServer webServer;
    private final BackendClient backend;
    private final HelloHandler hello;
    private final FanoutHandler fanout;

    private LoomServer(ServerConfig config, BackendClient backend) {
        this.backend = backend;
        this.hello = new HelloHandler();
        this.fanout = new FanoutHandler(config, backend);
        this.webServer = WebServer.builder()
                .host(config.host())
                .port(config.port())
                // ServerLauncher owns the lifecycle and stops the server through close().
                .shutdownHook(false)
                // Only what is configured here: no discovered features (observability, context) or protocols.
                .featuresDiscoverServices(false)
                .protocolsDiscoverServices(false)
                .addProtocol(Http1Config.builder()
                        // Helidon limits the request line and the header section separately: neither may exceed
                        // the contract's limit for the whole head, whose sum route() checks (RequestHead).
                        .maxPrologueLength(Contract.MAX_REQUEST_HEAD_BYTES)
                        .maxHeadersSize(Contract.MAX_REQUEST_HEAD_BYTES)
                        // HTTP/1.1 is persistent by default: no "Connection: keep-alive" on every response.
                        .sendKeepAliveHeader(false)
                        // Every response header is a constant of this module; checking them each time is waste.
                        .validateResponseHeaders(false)
                        // The query goes raw to FanoutRequest.parse, which answers a bad one with its own 400 and
                        // keeps the connection; Helidon's check would close it with a bare "Bad Request".
                        .validatePrologue(false)
                        // No per-request logging listeners.
                        .log(HttpLogConfig.builder().receiveLog(false).sendLog(false).build())
                        .build())
                // Small responses must leave at once, pipelined ones too, not wait for the previous one's ACK.
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                // Lets RejectedRequestHandler read why the header parser gave up.
                .errorHandling(errors -> errors.includeEntity(true))
                .directHandlers(rejectedRequests())
                .routing(routing -> routing.any(this::route))
                .build()
                .start();
    }

    /** One handler for every kind of request Helidon rejects before routing, so each reply has our headers. */
    private static DirectHandlers rejectedRequests() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        RejectedRequestHandler handler = new RejectedRequestHandler();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    /** Starts the server with the back-end client it then owns: it closes the client when it stops. */
    static LoomServer start(ServerConfig config, BackendClient backend) {
        try {
            return new LoomServer(config, backend);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** Every request comes here, so that 404 and 405 are decided by {@link Route#of} as in every server. */
    private void route(ServerRequest request, ServerResponse response) {
        if (RequestHead.size(request) > Contract.MAX_REQUEST_HEAD_BYTES) {
            response.header(HeaderValues.CONNECTION_CLOSE);
            Reply.failure(response, Failure.HEADERS_TOO_LARGE);
            throw new CloseConnectionException("request head over the limit");
        }
        switch (Route.of(request.prologue().method().text(), request.prologue().uriPath().rawPath())) {
            case HELLO -> hello.handle(response);
            case FANOUT -> fanout.handle(request, response);
            case NOT_FOUND -> Reply.failure(response, Failure.NOT_FOUND);
            case METHOD_NOT_ALLOWED -> {
                response.header(ResponseHeaders.ALLOW_GET);
                Reply.failure(response, Failure.METHOD_NOT_ALLOWED);
            }
        }
        // Helidon 4.5.0 answers "Connection: close" but then waits for another request (helidon-io/helidon#12324).
        // The response is already written (writes are direct), so ending the connection here is safe.
        if (request.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            throw new CloseConnectionException("the client asked to close the connection");
        }
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(webServer.prototype().address(), webServer.port());
    }

    /** Stops the listener and its connection threads, then the back-end client and its pooled connections. */
    @Override
    public void close() {
        webServer.stop();
        backend.close();
    }
}
