package concbench.vertx;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.HttpDate;
import concbench.contract.InvalidParameterException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.EnumMap;
import java.util.Map;

/**
 * Writes the replies of one verticle with the headers every response carries. Header values are pre-built with
 * {@link HttpHeaders#createOptimized} (ASCII bytes encoded once, as Vert.x's TechEmpower entry does) and the fixed
 * bodies are pre-built Buffers. The Date value is refreshed by the verticle's once-a-second timer; this object is
 * only ever used on that verticle's event loop, so the field needs no synchronisation.
 */
final class Reply {
    private static final CharSequence SERVER = HttpHeaders.createOptimized(VertxImplementation.NAME);
    static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized(Contract.TEXT_PLAIN);
    static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized(Contract.APPLICATION_JSON);
    private static final CharSequence ALLOWED_METHOD = HttpHeaders.createOptimized(Contract.ALLOWED_METHOD);
    private static final CharSequence CLOSE = HttpHeaders.createOptimized("close");
    private static final Map<Failure, Buffer> FAILURE_BODIES = new EnumMap<>(Failure.class);
    private static final Map<Failure, CharSequence> FAILURE_LENGTHS = new EnumMap<>(Failure.class);

    static {
        for (Failure failure : Failure.values()) {
            Buffer body = Buffer.buffer(failure.bodyBytes());
            FAILURE_BODIES.put(failure, body);
            FAILURE_LENGTHS.put(failure, length(body));
        }
    }

    private CharSequence date;

    Reply() {
        refreshDate();
    }

    /** Called by the verticle's timer once a second, so no request formats a date. */
    void refreshDate() {
        date = HttpHeaders.createOptimized(HttpDate.now());
    }

    void invalidParameter(HttpServerRequest request, InvalidParameterException invalid) {
        request.response().setStatusCode(InvalidParameterException.STATUS);
        Buffer body = Buffer.buffer(invalid.bodyBytes());
        send(request, TEXT_PLAIN, length(body), body);
    }

    void failure(HttpServerRequest request, Failure failure) {
        HttpServerResponse response = request.response().setStatusCode(failure.status());
        switch (failure) {
            case METHOD_NOT_ALLOWED -> response.headers().add(HttpHeaders.ALLOW, ALLOWED_METHOD);
            // Vert.x closes the connection after answering a request its decoder rejected; say so in the reply.
            case MALFORMED_REQUEST, HEADERS_TOO_LARGE -> response.headers().add(HttpHeaders.CONNECTION, CLOSE);
            default -> { }
        }
        send(request, TEXT_PLAIN, FAILURE_LENGTHS.get(failure), FAILURE_BODIES.get(failure));
    }

    /** Ends the response with the common headers; the status is 200 unless the caller set another. */
    void send(HttpServerRequest request, CharSequence contentType, CharSequence contentLength, Buffer body) {
        HttpServerResponse response = request.response();
        MultiMap headers = response.headers();
        headers.add(HttpHeaders.SERVER, SERVER)
                .add(HttpHeaders.DATE, date)
                .add(HttpHeaders.CONTENT_TYPE, contentType)
                .add(HttpHeaders.CONTENT_LENGTH, contentLength);
        response.end(body);
    }

    /** A Content-Length value; Vert.x would add one itself, but not to a reply to HEAD, which the contract wants too. */
    static CharSequence length(Buffer body) {
        return HttpHeaders.createOptimized(Integer.toString(body.length()));
    }
}
