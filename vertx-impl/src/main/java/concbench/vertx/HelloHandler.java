package concbench.vertx;

import concbench.contract.Contract;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** {@code GET /hello}: a pre-built body and pre-built header values, nothing computed per request. */
final class HelloHandler implements Handler<HttpServerRequest> {
    private static final Buffer BODY = Buffer.buffer(Contract.HELLO_BODY_BYTES);
    private static final CharSequence LENGTH = Responder.length(BODY);

    private final Responder responder;

    HelloHandler(Responder responder) {
        this.responder = responder;
    }

    @Override
    public void handle(HttpServerRequest request) {
        responder.send(request, Responder.TEXT_PLAIN, LENGTH, BODY);
    }
}
