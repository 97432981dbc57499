package concbench.undertow;

import concbench.contract.Contract;
import concbench.contract.Failure;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.IOException;

/**
 * Writes a whole reply from a worker thread, the way servlet code does: headers, then the body through the
 * blocking output stream. The length is always set up front so Undertow never falls back to chunked encoding.
 */
final class Reply {
    private static final String RFC_9110_GATEWAY_TIMEOUT = "Gateway Timeout";

    private Reply() {
    }

    static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders()
                .put(Headers.SERVER, UndertowImplementation.NAME)
                .put(Headers.DATE, DateHeader.value())
                .put(Headers.CONTENT_TYPE, contentType);
        exchange.setResponseContentLength(body.length);
        exchange.getOutputStream().write(body);
    }

    static void failure(HttpServerExchange exchange, Failure failure) throws IOException {
        if (failure == Failure.GATEWAY_TIMEOUT) {
            // Undertow's own phrase for 504 is RFC 2616's "Gateway Time-out"; the others send RFC 9110's.
            exchange.setReasonPhrase(RFC_9110_GATEWAY_TIMEOUT);
        }
        send(exchange, failure.status(), Contract.TEXT_PLAIN, failure.bodyBytes());
    }
}
