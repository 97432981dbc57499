package concbench.netty;

import concbench.contract.Contract;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code GET /hello}: the body is one pre-built direct buffer that every response shares; only the Date header
 * changes between responses.
 */
final class HelloHandler {
    /** Unreleasable, so that the codec's release after each write leaves it intact; each response gets a duplicate. */
    private static final ByteBuf BODY =
            Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(Contract.HELLO_BODY_BYTES)).asReadOnly();

    private HelloHandler() {
    }

    static FullHttpResponse reply(Reply reply) {
        return reply.of(HttpResponseStatus.OK, Reply.TEXT_PLAIN, BODY.duplicate());
    }
}
