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
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The pooled, blocking HTTP client to the back end: Apache HttpClient 5 classic, one platform thread blocked in a
 * socket read per call in flight. The pool holds at most {@code backendConnections} keep-alive connections; a call
 * beyond that waits for one to be released.
 */
final class BackendClient implements AutoCloseable {
    private final HttpHost backend;
    private final CloseableHttpClient client;

    BackendClient(ServerConfig config) {
        backend = new HttpHost(config.backend().getScheme(), config.backendHost(), config.backendPort());
        // The fan-out deadline is what bounds a call; these per-call limits only make sure a pool thread can never
        // wait forever, even for a call whose cancellation raced with its start.
        Timeout limit = Timeout.of(config.downstreamTimeout());
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(config.backendConnections())
                        .setMaxConnPerRoute(config.backendConnections())
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
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
