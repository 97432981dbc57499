package concbench.netty;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.FanoutRequest;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code GET /fanout}: starts all N back-end calls at once and replies when the last one answers, when the
 * first one fails (502), or when the deadline passes (504), whichever comes first; the rest are cancelled then.
 * Everything here runs on the request's event loop, so the counters need no synchronisation.
 */
final class FanoutHandler implements BackendClient.Callback {
    private final FanoutRequest request;
    private final Reply reply;
    private final Consumer<FullHttpResponse> respond;
    private final BackendClient.Call[] calls;
    private ScheduledFuture<?> deadline;
    private int answered;
    private long sum;
    private boolean over;

    /** {@code respond} will receive the one response, on the request's event loop, unless it is cancelled. */
    FanoutHandler(FanoutRequest request, Reply reply, Consumer<FullHttpResponse> respond) {
        this.request = request;
        this.reply = reply;
        this.respond = respond;
        this.calls = new BackendClient.Call[request.calls()];
    }

    /**
     * Starts the calls. The response may be given before this returns: a call can fail at once (a connect that
     * fails inside {@code connect()}, a closed pool), so the caller must have stored this handler before starting
     * it, and must not store it after.
     */
    void start(EventLoop loop, BackendClient client, Duration timeout) {
        deadline = loop.schedule(this::timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
        for (int k = 0; k < request.calls() && !over; k++) {
            calls[k] = client.call(Contract.delayPathAndQuery(request.delayMs(), k), this);
        }
    }

    @Override
    public void onValue(long value) {
        if (over) {
            return;
        }
        sum += value;
        if (++answered == request.calls()) {
            finish(reply.json(Contract.fanoutBody(request.calls(), sum)));
        }
    }

    @Override
    public void onFailure(Throwable cause) {
        if (!over) {
            finish(reply.failure(Failure.BAD_GATEWAY));
        }
    }

    private void timedOut() {
        if (!over) {
            finish(reply.failure(Failure.GATEWAY_TIMEOUT));
        }
    }

    /** Gives up without replying: the client went away. */
    void cancel() {
        if (!over) {
            stop();
        }
    }

    private void finish(FullHttpResponse response) {
        stop();
        respond.accept(response);
    }

    private void stop() {
        over = true;
        deadline.cancel(false);
        for (BackendClient.Call call : calls) {
            if (call != null) {
                call.cancel();
            }
        }
    }
}
