package concbench.vertx;

import concbench.contract.Contract;
import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;

import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Bootstrap: a Vert.x instance with {@code ioThreads} event loops, one back-end client shared by all, and one
 * {@link ServerVerticle} deployed per event loop. Routing lives in the verticle, on its event loop.
 */
final class VertxServer implements RunningServer {
    private final Vertx vertx;
    private final InetSocketAddress address;

    private VertxServer(Vertx vertx, InetSocketAddress address) {
        this.vertx = vertx;
        this.address = address;
    }

    static VertxServer start(ServerConfig config) {
        Vertx vertx = Vertx.builder().with(vertxOptions(config)).build();
        try {
            BackendClient backend = new BackendClient(vertx, config);
            HttpServerOptions options = serverOptions(config);
            Queue<ServerVerticle> verticles = new ConcurrentLinkedQueue<>();
            vertx.deployVerticle(() -> {
                ServerVerticle verticle = new ServerVerticle(config, options, backend);
                verticles.add(verticle);
                return verticle;
            }, new DeploymentOptions().setInstances(config.ioThreads())).await();
            return new VertxServer(vertx, new InetSocketAddress(config.host(), verticles.element().port()));
        } catch (RuntimeException | Error e) {
            vertx.close().await();
            throw e;
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

    private static HttpServerOptions serverOptions(ServerConfig config) {
        return new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                // The request line and the header block may each reach the contract's limit; larger is 431.
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

    /** Undeploys the verticles (closing their servers), closes the client, and waits for the event loops to end. */
    @Override
    public void close() {
        vertx.close().await();
    }
}
