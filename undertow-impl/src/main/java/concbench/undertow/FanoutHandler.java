package concbench.undertow;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.FanoutRequest;
import concbench.contract.InvalidParameterException;
import concbench.contract.ServerConfig;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.xnio.IoUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /fanout}: plain blocking code on a worker thread. It submits the N back-end calls to the fan-out pool,
 * then blocks until all of them have answered, one has failed, or the deadline has passed. Whatever the outcome,
 * calls still queued or in flight are cancelled before the reply, so a finished request leaves nothing behind.
 */
final class FanoutHandler implements HttpHandler {
    private final ServerConfig config;
    private final BackendClient backend;
    private final ExecutorService fanoutPool;
    private final long timeoutNanos;

    FanoutHandler(ServerConfig config, BackendClient backend, ExecutorService fanoutPool) {
        this.config = config;
        this.backend = backend;
        this.fanoutPool = fanoutPool;
        this.timeoutNanos = config.downstreamTimeout().toNanos();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        FanoutRequest request;
        try {
            request = FanoutRequest.parse(exchange.getQueryString(), config);
        } catch (InvalidParameterException e) {
            Reply.send(exchange, InvalidParameterException.STATUS, Contract.TEXT_PLAIN, e.bodyBytes());
            return;
        }
        long sum;
        try {
            sum = sum(request);
        } catch (ExecutionException e) {
            Reply.failure(exchange, Failure.BAD_GATEWAY);
            return;
        } catch (TimeoutException e) {
            Reply.failure(exchange, Failure.GATEWAY_TIMEOUT);
            return;
        } catch (InterruptedException e) {
            // Only a stopping server interrupts a worker, after closing the connections: no one is left to answer.
            Thread.currentThread().interrupt();
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        Reply.send(exchange, 200, Contract.APPLICATION_JSON,
                Contract.fanoutBody(request.calls(), sum).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Makes the calls and adds up their values, taking each as it completes so that the first failure ends the
     * wait at once instead of after the slowest call.
     *
     * @throws ExecutionException   when a call failed
     * @throws TimeoutException     when the calls did not all answer within the downstream timeout
     * @throws InterruptedException when the server is stopping
     */
    private long sum(FanoutRequest request) throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        CompletionService<Long> completed = new ExecutorCompletionService<>(fanoutPool);
        List<BackendClient.Call> calls = new ArrayList<>(request.calls());
        List<Future<Long>> futures = new ArrayList<>(request.calls());
        try {
            for (int index = 0; index < request.calls(); index++) {
                BackendClient.Call call = backend.call(request.delayMs(), index);
                calls.add(call);
                futures.add(completed.submit(call));
            }
            long sum = 0;
            for (int answered = 0; answered < request.calls(); answered++) {
                Future<Long> next = completed.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new TimeoutException();
                }
                sum += next.get();
            }
            return sum;
        } finally {
            cancelOutstanding(calls, futures);
        }
    }

    /** Drops the calls still queued and aborts those in flight; a no-op for the ones that already answered. */
    private static void cancelOutstanding(List<BackendClient.Call> calls, List<Future<Long>> futures) {
        for (int i = 0; i < futures.size(); i++) {
            if (!futures.get(i).isDone()) {
                futures.get(i).cancel(false);
                calls.get(i).cancel();
            }
        }
    }
}
