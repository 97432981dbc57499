package concbench.vertx;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.FanoutRequest;
import concbench.contract.InvalidParameterException;
import concbench.contract.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /fanout?n=N&delayMs=D}: starts the N back-end calls at once, each a future, joins them with
 * {@link Future#all}, and races the join against one timer for the whole fan-out. Everything here, the call
 * futures' callbacks included, runs on the verticle's event loop: nothing waits, nothing is shared between threads.
 */
final class FanoutHandler implements Handler<HttpServerRequest> {
    private final Vertx vertx;
    private final ServerConfig config;
    private final BackendClient backend;
    private final Reply reply;
    private final long deadlineMs;

    FanoutHandler(Vertx vertx, ServerConfig config, BackendClient backend, Reply reply) {
        this.vertx = vertx;
        this.config = config;
        this.backend = backend;
        this.reply = reply;
        this.deadlineMs = config.downstreamTimeout().toMillis();
    }

    @Override
    public void handle(HttpServerRequest request) {
        FanoutRequest fanout;
        try {
            fanout = FanoutRequest.parse(request.query(), config);
        } catch (InvalidParameterException invalid) {
            reply.invalidParameter(request, invalid);
            return;
        }
        // Set before the calls start, so that it also bounds each call's wait for a pooled connection, which has
        // no timeout of its own (BackendClient says why).
        Timer deadline = vertx.timer(deadlineMs, TimeUnit.MILLISECONDS);
        // Completed once the reply is decided without every call: calls still out are reset, so none holds a
        // pooled connection for an answer nobody reads.
        Promise<Void> abandon = Promise.promise();
        List<Future<Long>> calls = new ArrayList<>(fanout.calls());
        for (int index = 0; index < fanout.calls(); index++) {
            calls.add(backend.value(fanout.delayMs(), index, abandon.future()));
        }
        deadline.onSuccess(fired -> {
            abandon.tryComplete();
            reply.failure(request, Failure.GATEWAY_TIMEOUT);
        });
        Future.all(calls).onComplete(all -> {
            if (!deadline.cancel()) {
                return; // the deadline fired first and has answered 504
            }
            if (all.succeeded()) {
                answer(request, calls);
            } else {
                abandon.tryComplete();
                reply.failure(request, all.cause() instanceof TimeoutException
                        ? Failure.GATEWAY_TIMEOUT
                        : Failure.BAD_GATEWAY);
            }
        });
    }

    private void answer(HttpServerRequest request, List<Future<Long>> calls) {
        long sum = 0;
        for (Future<Long> call : calls) {
            sum += call.result();
        }
        Buffer body = Buffer.buffer(Contract.fanoutBody(calls.size(), sum));
        reply.send(request, Reply.APPLICATION_JSON, Reply.length(body), body);
    }
}
