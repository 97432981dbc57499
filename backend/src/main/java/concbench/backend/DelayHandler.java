package concbench.backend;

import concbench.contract.Contract;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Answers {@code /delay} requests after their delay, one connection's requests strictly in order.
 *
 * <p>A pipelined request waits in {@link #queued} until the one before it is answered, so replies never overtake
 * each other; connection-pooling clients send one request at a time, for which the queue stays empty.
 */
final class DelayHandler extends ChannelInboundHandlerAdapter {
    /** The longest delay the back end accepts: ten minutes, far beyond any server's downstream timeout. */
    static final int MAX_DELAY_MS = 600_000;

    private final ArrayDeque<HttpRequest> queued = new ArrayDeque<>();
    private boolean answering;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            if (answering) {
                queued.add(request);
            } else {
                answer(ctx, request);
            }
        }
        ReferenceCountUtil.release(msg);
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            reply(ctx, HttpResponseStatus.BAD_REQUEST, "malformed request\n", false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        QueryStringDecoder target = new QueryStringDecoder(request.uri());
        if (!target.path().equals(Contract.DELAY_PATH)) {
            reply(ctx, HttpResponseStatus.NOT_FOUND, "Not Found\n", keepAlive);
        } else if (!request.method().equals(HttpMethod.GET)) {
            reply(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "Method Not Allowed\n", keepAlive);
        } else {
            long delay = parameter(target, Contract.BACKEND_DELAY_PARAM, MAX_DELAY_MS);
            long index = parameter(target, Contract.BACKEND_INDEX_PARAM, Integer.MAX_VALUE);
            if (delay < 0 || index < 0) {
                reply(ctx, HttpResponseStatus.BAD_REQUEST,
                        "need ms=0.." + MAX_DELAY_MS + " and i=0.." + Integer.MAX_VALUE + "\n", keepAlive);
                return;
            }
            String value = Long.toString(Contract.backendValue((int) index));
            answering = true;
            if (delay == 0) {
                replyAndContinue(ctx, value, keepAlive);
            } else {
                ctx.executor().schedule(() -> replyAndContinue(ctx, value, keepAlive), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void replyAndContinue(ChannelHandlerContext ctx, String value, boolean keepAlive) {
        answering = false;
        reply(ctx, HttpResponseStatus.OK, value, keepAlive);
        HttpRequest next = queued.poll();
        if (next != null && keepAlive) {
            answer(ctx, next);
        }
    }

    private static void reply(ChannelHandlerContext ctx, HttpResponseStatus status, String body, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, Contract.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The parameter as a number from 0 to max, or -1 when it is missing or anything else. */
    private static long parameter(QueryStringDecoder target, String name, long max) {
        List<String> values = target.parameters().get(name);
        if (values == null || values.isEmpty()) {
            return -1;
        }
        try {
            long value = Long.parseLong(values.getFirst());
            return value >= 0 && value <= max ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queued.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset connection is the client's business; the back end just lets it go.
        ctx.close();
    }
}
