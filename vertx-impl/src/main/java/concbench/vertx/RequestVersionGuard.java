package concbench.vertx;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Lets every request Vert.x cannot serve be answered by the server's invalid-request handler, in HTTP/1.1.
 * Vert.x answers each request in the request's own version, and two kinds would otherwise escape the contract:
 * <ul>
 *   <li>a request line Netty's decoder cannot parse (or finds over the limit) arrives as a rejected placeholder
 *       labelled HTTP/1.0, so its 400 or 431 would go out as {@code HTTP/1.0}: it is relabelled HTTP/1.1;</li>
 *   <li>a well-formed line with a version other than HTTP/1.0 or 1.1 gets Vert.x's bare {@code 501} with no
 *       Server, Date or body: it is marked rejected, so it gets the contract's 400 and the connection closes.</li>
 * </ul>
 * Placed right after Netty's decoder; requests it accepted in HTTP/1.x pass untouched. Vert.x has no public hook
 * for this, so the connection handler reaches the Netty pipeline through the connection's implementation class.
 */
@ChannelHandler.Sharable
final class RequestVersionGuard extends ChannelInboundHandlerAdapter {
    private static final RequestVersionGuard INSTANCE = new RequestVersionGuard();
    /** The name Vert.x gives Netty's request decoder in an HTTP/1.x pipeline. */
    private static final String DECODER = "httpDecoder";
    private static final String NAME = "requestVersionGuard";
    private static final DecoderResult UNSUPPORTED_VERSION =
            DecoderResult.failure(new DecoderException("HTTP version other than 1.0 or 1.1"));

    private RequestVersionGuard() {
    }

    /** For {@link io.vertx.core.http.HttpServer#connectionHandler}: runs before the connection's first request. */
    static void install(HttpConnection connection) {
        ((ConnectionBase) connection).channel().pipeline().addAfter(DECODER, NAME, INSTANCE);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request) {
            HttpVersion version = request.protocolVersion();
            if (request.decoderResult().isSuccess() && version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
                request.setDecoderResult(UNSUPPORTED_VERSION);
            }
            if (request.decoderResult().isFailure()) {
                request.setProtocolVersion(HttpVersion.HTTP_1_1);
            }
        }
        context.fireChannelRead(message);
    }
}
