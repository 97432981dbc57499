package concbench.netty;

import concbench.contract.Contract;
import concbench.contract.Failure;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;

/**
 * Builds every response of the contract. Header names and fixed values are {@link AsciiString} constants, encoded
 * once; headers are not validated per response because every value here is known to be valid.
 */
final class Reply {
    static final AsciiString SERVER = AsciiString.cached(NettyImplementation.NAME);
    static final AsciiString TEXT_PLAIN = AsciiString.cached(Contract.TEXT_PLAIN);
    static final AsciiString APPLICATION_JSON = AsciiString.cached(Contract.APPLICATION_JSON);
    static final AsciiString ALLOW_GET = AsciiString.cached(Contract.ALLOWED_METHOD);

    private final DateHeader date;

    Reply(DateHeader date) {
        this.date = date;
    }

    /** A response with the contract's common headers: Server, Date, Content-Type and Content-Length. */
    FullHttpResponse of(HttpResponseStatus status, AsciiString contentType, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body, false);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.SERVER, SERVER);
        headers.set(HttpHeaderNames.DATE, date.value());
        headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    FullHttpResponse json(String body) {
        return of(HttpResponseStatus.OK, APPLICATION_JSON, Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII));
    }

    FullHttpResponse failure(Failure failure) {
        FullHttpResponse response = text(failure.status(), failure.bodyBytes());
        if (failure == Failure.METHOD_NOT_ALLOWED) {
            response.headers().set(HttpHeaderNames.ALLOW, ALLOW_GET);
        }
        return response;
    }

    FullHttpResponse text(int status, byte[] body) {
        return of(HttpResponseStatus.valueOf(status), TEXT_PLAIN, Unpooled.wrappedBuffer(body));
    }
}
