package concbench.vertx;

import concbench.contract.Contract;
import concbench.contract.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.nio.charset.StandardCharsets;

/**
 * The back end as Vert.x's own HttpClient, one per verticle, built in the verticle's {@code start}: its pool of up to
 * {@code --backend-connections} keep-alive HTTP/1.1 connections serves that verticle alone, and Vert.x opens each
 * connection on the event loop of the context that asks for it (the pool's default {@code eventLoopSize} of 0), so a
 * call is sent, answered and delivered on the thread of the request that made it. A fan-out of up to the cap runs
 * all of its calls at once on whichever loop it lands; the server as a whole may hold loops x cap connections
 * (docs/contract.md). Vert.x closes the client when the verticle is undeployed. A connection the back end closes is
 * removed from the pool as soon as the loop reads the close; a call whose connection breaks fails, and Vert.x never
 * retries it.
 */
final class BackendClient {
    /**
     * Calls beyond the pool size wait in the pool's queue, unbounded and without a timeout of their own: a call whose
     * fan-out the deadline answered meanwhile is reset as soon as it gets its connection. A per-call
     * {@code setConnectTimeout} would bound the wait too, but in Vert.x 5.2.3 each one keeps a timer and a context
     * alive for its whole duration (vertx-impl/README.md has the figures): GC pauses of hundreds of milliseconds.
     */
    private static final int UNBOUNDED_WAIT_QUEUE = -1;
    private static final int OK = 200;
    private static final VertxException NOT_OK =
            VertxException.noStackTrace("the back end answered a status other than 200");
    private static final VertxException ABANDONED =
            VertxException.noStackTrace("the fan-out was answered without this call");
    private static final Handler<Throwable> IGNORE = failure -> { };

    private final HttpClientAgent client;

    /** Call from the verticle's {@code start}, on its event loop, so the client belongs to that verticle. */
    BackendClient(Vertx vertx, ServerConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(config.backendHost())
                .setDefaultPort(config.backendPort())
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                // One call per connection at a time: a pipelined call would wait behind a slower one.
                .setPipelining(false)
                .setDecompressionSupported(false)
                .setTcpNoDelay(true);
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(config.backendConnections())
                .setMaxWaitQueueSize(UNBOUNDED_WAIT_QUEUE);
        this.client = vertx.httpClientBuilder().with(options).with(pool).build();
    }

    /**
     * Call {@code index} of a fan-out: {@code GET /delay?ms=D&i=k}, the value it answers. Fails on a refused or broken
     * connection, a status other than 200 or a body that is not a number. When {@code abandoned} completes before the
     * call does, the request is reset, which for HTTP/1.1 closes its connection: a connection with a request still
     * in flight never goes back to the pool.
     */
    Future<Long> value(int delayMs, int index, Future<Void> abandoned) {
        RequestOptions request = new RequestOptions()
                .setURI(Contract.delayPathAndQuery(delayMs, index));
        return client.request(request).compose(call -> {
            // Every failure reaches the call's future; without a handler Vert.x would also log each reset request
            // at SEVERE, which under a burst of 504s means synchronous logging on the event loop.
            call.exceptionHandler(IGNORE);
            if (abandoned.isComplete()) {
                call.reset();
                return Future.failedFuture(ABANDONED);
            }
            Future<Long> value = call.send().compose(BackendClient::read);
            abandoned.onComplete(ignored -> {
                if (!value.isComplete()) {
                    call.reset();
                }
            });
            return value;
        });
    }

    private static Future<Long> read(HttpClientResponse response) {
        // The body is read even after a bad status, so that the connection ends the exchange cleanly and is reused.
        return response.body().compose(body -> response.statusCode() == OK
                ? Future.succeededFuture(parse(body))
                : Future.failedFuture(NOT_OK));
    }

    /** @throws NumberFormatException for a body that is not a value, which fails the call's future: 502 */
    private static long parse(Buffer body) {
        return Contract.parseBackendValue(body.toString(StandardCharsets.US_ASCII));
    }
}
