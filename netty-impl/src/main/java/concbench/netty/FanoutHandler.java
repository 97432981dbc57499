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

    private FanoutHandler(FanoutRequest request, Reply reply, Consumer<FullHttpResponse> respond) {
        this.request = request;
        this.reply = reply;
        this.respond = respond;
        this.calls = new BackendClient.Call[request.calls()];
    }

    /** Starts the fan-out; {@code respond} receives the one response, on {@code loop}, unless it is cancelled. */
    static FanoutHandler start(EventLoop loop, BackendClient client, FanoutRequest request, Duration timeout,
            Reply reply, Consumer<FullHttpResponse> respond) {
        FanoutHandler fanout = new FanoutHandler(request, reply, respond);
        fanout.deadline = loop.schedule(fanout::timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
        for (int k = 0; k < request.calls() && !fanout.over; k++) {
            fanout.calls[k] = client.call(Contract.delayPathAndQuery(request.delayMs(), k), fanout);
        }
        return fanout;
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
