package concbench.undertow;

import concbench.contract.Contract;
import concbench.contract.ServerConfig;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The pooled, blocking HTTP client to the back end: Apache HttpClient 5 classic, one platform thread blocked in a
 * socket read per call in flight. The pool holds at most {@code backendConnections} keep-alive connections, so a
 * fan-out of up to that many runs all its calls at once; a call beyond that waits for one to be released.
 *
 * <p>A blocking client reads a pooled connection only when a call uses it, so it cannot see the back end close it
 * while it is idle; before reusing a connection idle for {@link Contract#BACKEND_IDLE_CLOSE_NOTICE} it checks it and
 * drops it if closed. A call whose connection breaks fails, and is never retried.
 */
final class BackendClient implements AutoCloseable {
    private static final int BACKSTOP_TO_DEADLINE = 2;

    private final HttpHost backend;
    private final CloseableHttpClient client;

    BackendClient(ServerConfig config) {
        backend = new HttpHost(config.backend().getScheme(), config.backendHost(), config.backendPort());
        // The fan-out deadline is what bounds a call; these per-call limits only make sure a pool thread can never
        // wait forever, even for a call whose cancellation raced with its start. They are longer than the deadline
        // so that they never fire first: on a busy machine a call's own timeout of the same length could wake the
        // fan-out before its deadline did, and turn the contract's 504 into a 502.
        Timeout limit = Timeout.of(config.downstreamTimeout().multipliedBy(BACKSTOP_TO_DEADLINE));
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // The lax pool leases and releases with atomics and a lock-free deque per route; the default
                        // strict one takes a single pool-wide lock for every lease and release, which up to a
                        // thousand fan-out threads contend for. With the one route here its per-route cap is exact.
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        // The most recently used connection first (the default, said here): a small hot set of
                        // connections serves a light load, and the rest go idle rather than all being kept warm.
                        .setConnPoolPolicy(PoolReusePolicy.LIFO)
                        .setMaxConnTotal(config.backendConnections())
                        .setMaxConnPerRoute(config.backendConnections())
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                // A 1 ms read, before reuse, of a connection idle this long finds a close the back
                                // end made meanwhile; HttpClient's default, said here since the contract relies on it.
                                .setValidateAfterInactivity(TimeValue.of(Contract.BACKEND_IDLE_CLOSE_NOTICE))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build())
                // A retried call would be made twice against the deadline; a failed call is a 502, not a retry.
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableDefaultUserAgent()
                .build();
    }

    /** Back-end call {@code index} of a fan-out, not yet made. */
    Call call(int delayMs, int index) {
        return new Call(new HttpGet(Contract.delayPathAndQuery(delayMs, index)));
    }

    @Override
    public void close() {
        // Closing the pool also aborts leased connections, which frees any pool thread still blocked in a read.
        client.close(CloseMode.IMMEDIATE);
    }

    /** One blocking call: {@link #call()} runs on a fan-out pool thread, {@link #cancel()} from any other. */
    final class Call implements Callable<Long> {
        private final HttpGet request;

        private Call(HttpGet request) {
            this.request = request;
        }

        /**
         * @return the back end's value
         * @throws IOException when the back end refuses or breaks the connection, or answers a status other than 200
         * @throws NumberFormatException when the body is not a number
         */
        @Override
        public Long call() throws IOException {
            return client.execute(backend, request, BackendClient::value);
        }

        /** Aborts the call: it never starts if it has not yet, and its connection is closed if it is in flight. */
        void cancel() {
            request.cancel();
        }
    }

    private static long value(ClassicHttpResponse response) throws IOException, ParseException {
        if (response.getCode() != HttpStatus.SC_OK) {
            throw new IOException("back end answered " + response.getCode());
        }
        return Contract.parseBackendValue(EntityUtils.toString(response.getEntity(), StandardCharsets.US_ASCII));
    }
}
