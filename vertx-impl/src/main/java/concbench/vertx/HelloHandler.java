package concbench.vertx;

import concbench.contract.Contract;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** {@code GET /hello}: a pre-built body and pre-built header values, nothing computed per request. */
final class HelloHandler implements Handler<HttpServerRequest> {
    private static final Buffer BODY = Buffer.buffer(Contract.HELLO_BODY_BYTES);
    private static final CharSequence LENGTH = Reply.length(BODY);

    private final Reply reply;

    HelloHandler(Reply reply) {
        this.reply = reply;
    }

    @Override
    public void handle(HttpServerRequest request) {
        reply.send(request, Reply.TEXT_PLAIN, LENGTH, BODY);
    }
}
