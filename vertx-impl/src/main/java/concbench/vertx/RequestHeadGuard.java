package concbench.vertx;

import concbench.contract.Contract;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

import java.util.Map;

/**
 * Placed right after Netty's request decoder, it rejects what the decoder lets through but the contract does not,
 * and makes every rejection reach the server's invalid-request handler as HTTP/1.1 (Vert.x replies in the
 * request's own version, then closes the connection):
 * <ul>
 *   <li>a head over {@link Contract#MAX_REQUEST_HEAD_BYTES} as a whole: Netty limits the request line and the
 *       header block each on its own, so a head split between them passes; it is rejected as too large (431);</li>
 *   <li>a version other than HTTP/1.0 or 1.1: Vert.x would answer a bare 501 with no Server, Date or body; it is
 *       rejected as malformed (400);</li>
 *   <li>an unparseable request line: Netty passes it on as a rejected placeholder labelled HTTP/1.0, which would
 *       make the 400 (or the 431 for a line over the limit) go out as {@code HTTP/1.0}; it is relabelled HTTP/1.1.</li>
 * </ul>
 * Vert.x has no public hook into its HTTP pipeline, so the connection handler reaches it through the connection's
 * implementation class.
 */
@ChannelHandler.Sharable
final class RequestHeadGuard extends ChannelInboundHandlerAdapter {
    private static final RequestHeadGuard INSTANCE = new RequestHeadGuard();
    /** The name Vert.x gives Netty's request decoder in an HTTP/1.x pipeline. */
    private static final String DECODER = "httpDecoder";
    private static final String NAME = "requestHeadGuard";
    private static final DecoderResult HEAD_TOO_LARGE = DecoderResult.failure(new TooLongHttpHeaderException(
            "request head is larger than " + Contract.MAX_REQUEST_HEAD_BYTES + " bytes"));
    private static final DecoderResult UNSUPPORTED_VERSION =
            DecoderResult.failure(new DecoderException("HTTP version other than 1.0 or 1.1"));

    private RequestHeadGuard() {
    }

    /** For {@link io.vertx.core.http.HttpServer#connectionHandler}: runs before the connection's first request. */
    static void install(HttpConnection connection) {
        ((ConnectionBase) connection).channel().pipeline().addAfter(DECODER, NAME, INSTANCE);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request) {
            if (request.decoderResult().isSuccess()) {
                reject(request);
            }
            if (request.decoderResult().isFailure()) {
                request.setProtocolVersion(HttpVersion.HTTP_1_1);
            }
        }
        context.fireChannelRead(message);
    }

    private static void reject(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            request.setDecoderResult(UNSUPPORTED_VERSION);
            return;
        }
        HttpHeaders headers = request.headers();
        // The CharSequence iterator, which unlike the String one copies no header name or value.
        Iterable<Map.Entry<CharSequence, CharSequence>> entries = headers::iteratorCharSequence;
        if (Contract.requestHeadBytes(request.method().name(), request.uri(), entries) > Contract.MAX_REQUEST_HEAD_BYTES) {
            request.setDecoderResult(HEAD_TOO_LARGE);
        }
    }
}
