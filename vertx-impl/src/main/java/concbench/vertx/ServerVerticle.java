package concbench.vertx;

import concbench.contract.Failure;
import concbench.contract.Route;
import concbench.contract.ServerConfig;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * One instance per event loop, as Vert.x scales: each has its own HttpServer on the shared port (Vert.x binds the
 * port once and deals the accepted connections out to the instances), its own back-end client, its own Date timer
 * and its own handlers, so a request is parsed, routed, fanned out and answered on one thread with no state shared
 * with other loops.
 */
final class ServerVerticle extends VerticleBase implements Handler<HttpServerRequest> {
    private static final long MILLIS_PER_SECOND = 1000;

    private final ServerConfig config;
    private final HttpServerOptions options;
    private final Reply reply = new Reply();
    private HelloHandler hello;
    private FanoutHandler fanout;

    ServerVerticle(ServerConfig config, HttpServerOptions options) {
        this.config = config;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        hello = new HelloHandler(reply);
        // Built here, on this verticle's event loop, so its connections live on that loop: no call crosses threads.
        fanout = new FanoutHandler(vertx, config, new BackendClient(vertx, config), reply);
        refreshDateEverySecond();
        return vertx.createHttpServer(options)
                .connectionHandler(RequestHeadGuard::install)
                .requestHandler(this)
                .invalidRequestHandler(this::rejectInvalid)
                .listen();
    }

    /**
     * Refreshes the Date now and again just after the next second starts. Each tick aims at the next boundary
     * rather than adding a fixed period, so timer drift or a busy loop never leaves the Date more than the
     * current second behind. Vert.x cancels the timer when the verticle is undeployed.
     */
    private void refreshDateEverySecond() {
        reply.refreshDate();
        long untilNextSecond = MILLIS_PER_SECOND - System.currentTimeMillis() % MILLIS_PER_SECOND;
        vertx.setTimer(untilNextSecond, tick -> refreshDateEverySecond());
    }

    @Override
    public void handle(HttpServerRequest request) {
        switch (Route.of(request.method().name(), request.path())) {
            case HELLO -> hello.handle(request);
            case FANOUT -> fanout.handle(request);
            case NOT_FOUND -> reply.failure(request, Failure.NOT_FOUND);
            case METHOD_NOT_ALLOWED -> reply.failure(request, Failure.METHOD_NOT_ALLOWED);
        }
    }

    /**
     * A request Netty's decoder rejected. Vert.x's default answers a too-long request line 414 and a too-long header
     * block 431, both with an empty body; the contract wants 431 for any head over the limit, 400 for the rest, and
     * its bodies. Vert.x closes the connection once this reply is written.
     */
    private void rejectInvalid(HttpServerRequest request) {
        reply.failure(request, request.decoderResult().cause() instanceof TooLongFrameException
                ? Failure.HEADERS_TOO_LARGE
                : Failure.MALFORMED_REQUEST);
    }
}
