package concbench.loom;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.FanoutRequest;
import concbench.contract.InvalidParameterException;
import concbench.contract.ServerConfig;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /fanout?n=N&delayMs=D}: N back-end calls, each on a virtual thread of its own that simply blocks in
 * {@link BackendClient#value}, while the request's virtual thread waits for their answers until the deadline.
 */
final class FanoutHandler {
    private final ServerConfig config;
    private final BackendClient backend;

    FanoutHandler(ServerConfig config, BackendClient backend) {
        this.config = config;
        this.backend = backend;
    }

    void handle(ServerRequest request, ServerResponse response) {
        FanoutRequest fanout;
        try {
            fanout = FanoutRequest.parse(request.query().rawValue(), config);
        } catch (InvalidParameterException e) {
            Reply.send(response, Status.create(InvalidParameterException.STATUS), ResponseHeaders.TEXT_PLAIN,
                    e.bodyBytes());
            return;
        }
        long sum;
        try {
            sum = sumOfCalls(fanout);
        } catch (FanoutFailure e) {
            Reply.failure(response, e.failure);
            return;
        }
        Reply.ok(response, ResponseHeaders.APPLICATION_JSON,
                Contract.fanoutBody(fanout.calls(), sum).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Starts the calls and adds up their answers in the order they arrive, so that the first failure ends the
     * fan-out at once rather than after the slowest call.
     */
    private long sumOfCalls(FanoutRequest fanout) throws FanoutFailure {
        // One executor per fan-out scopes its threads to it: closing it waits until every call has ended.
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Long> answers = new ExecutorCompletionService<>(calls);
            long deadline = System.nanoTime() + config.downstreamTimeout().toNanos();
            for (int k = 0; k < fanout.calls(); k++) {
                int index = k;
                answers.submit(() -> backend.value(fanout.delayMs(), index));
            }
            try {
                long sum = 0;
                for (int answered = 0; answered < fanout.calls(); answered++) {
                    sum += nextAnswer(answers, deadline);
                }
                return sum;
            } finally {
                // Interrupting a call cancels its exchange; after a complete fan-out there is nothing left to stop.
                calls.shutdownNow();
            }
        }
    }

    private static long nextAnswer(CompletionService<Long> answers, long deadline) throws FanoutFailure {
        Future<Long> answer;
        try {
            answer = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // The server is stopping; no reply will be read, but the call threads must still be stopped.
            Thread.currentThread().interrupt();
            throw new FanoutFailure(Failure.GATEWAY_TIMEOUT);
        }
        if (answer == null) {
            throw new FanoutFailure(Failure.GATEWAY_TIMEOUT);
        }
        if (answer.state() != Future.State.SUCCESS) {
            throw new FanoutFailure(Failure.BAD_GATEWAY);
        }
        return answer.resultNow();
    }

    /** Why a fan-out has no sum: the failure its reply reports. */
    private static final class FanoutFailure extends Exception {
        private final Failure failure;

        FanoutFailure(Failure failure) {
            super(failure.name(), null, false, false);
            this.failure = failure;
        }
    }
}
