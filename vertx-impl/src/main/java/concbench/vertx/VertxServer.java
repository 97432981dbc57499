package concbench.vertx;

import concbench.contract.Contract;
import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Bootstrap: a Vert.x instance with {@code ioThreads} event loops and one {@link ServerVerticle} deployed per event
 * loop. Routing and the back-end client live in the verticle, on its event loop.
 */
final class VertxServer implements RunningServer {
    private final Vertx vertx;
    private final InetSocketAddress address;

    private VertxServer(Vertx vertx, InetSocketAddress address) {
        this.vertx = vertx;
        this.address = address;
    }

    static VertxServer start(ServerConfig config) throws IOException {
        int port = portToListenOn(config);
        Vertx vertx = Vertx.builder().with(vertxOptions(config)).build();
        try {
            HttpServerOptions options = serverOptions(config, port);
            vertx.deployVerticle(() -> new ServerVerticle(config, options),
                    new DeploymentOptions().setInstances(config.ioThreads())).await();
            return new VertxServer(vertx, new InetSocketAddress(config.host(), port));
        } catch (Throwable failure) {
            // e.g. the port is taken: stop the event loops already started before reporting it
            vertx.close().await();
            throw failure;
        }
    }

    /**
     * The configured port, or for port 0 a free one found first. Vert.x shares a port among the instances only
     * when it is given: instances told to listen on port 0 would each bind a port of their own. (Another process
     * could take the port between this probe and the bind; start then fails as for any port in use.)
     */
    private static int portToListenOn(ServerConfig config) throws IOException {
        if (config.port() != 0) {
            return config.port();
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(config.host()))) {
            return probe.getLocalPort();
        }
    }

    private static VertxOptions vertxOptions(ServerConfig config) {
        return new VertxOptions()
                .setEventLoopPoolSize(config.ioThreads())
                // epoll when netty-transport-native-epoll loads (it is on the class path), else NIO.
                .setPreferNativeTransport(true)
                // No per-task context class loader switch: the server runs from one class loader.
                .setDisableTCCL(true);
    }

    private static HttpServerOptions serverOptions(ServerConfig config, int port) {
        return new HttpServerOptions()
                .setHost(config.host())
                .setPort(port)
                // Netty limits the request line and the header block each on its own; RequestHeadGuard checks the sum.
                .setMaxInitialLineLength(Contract.MAX_REQUEST_HEAD_BYTES)
                .setMaxHeaderSize(Contract.MAX_REQUEST_HEAD_BYTES)
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                // HTTP/1.1 only: no check of each new connection for an HTTP/2 preface or an h2c upgrade.
                .setHttp2ClearTextEnabled(false)
                // Every handler answers on the request's own event loop, so Vert.x may skip its cross-thread
                // hand-off of response writes (the Vert.x 5 TechEmpower setting).
                .setStrictThreadMode(true)
                .setTcpNoDelay(true);
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    /** Undeploys the verticles (closing their servers and clients) and waits for the event loops to end. */
    @Override
    public void close() {
        vertx.close().await();
    }
}
