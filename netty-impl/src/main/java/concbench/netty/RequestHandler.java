package concbench.netty;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.FanoutRequest;
import concbench.contract.InvalidParameterException;
import concbench.contract.Route;
import concbench.contract.ServerConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Routes each request of one connection and writes its response, in request order.
 *
 * <p>Synchronous responses are written as requests are read and flushed once per read batch
 * ({@link #channelReadComplete}), so a batch of pipelined requests costs one write syscall. While a fan-out is
 * waiting for the back end, reading pauses and requests already decoded wait in {@link #queued}; they are served
 * after the fan-out's response, which keeps pipelined responses in order.
 */
final class RequestHandler extends ChannelInboundHandlerAdapter {
    private final ServerConfig config;
    private final Reply reply;
    private final BackendClient client;
    private final ArrayDeque<HttpRequest> queued = new ArrayDeque<>();
    private FanoutHandler fanout;
    /** A response that ends the connection is written: whatever the client sent after it goes unanswered. */
    private boolean closing;

    RequestHandler(ServerConfig config, Reply reply, BackendClient client) {
        this.config = config;
        this.reply = reply;
        this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Bodies (HttpContent) are not part of the contract: they are read and dropped.
        if (msg instanceof HttpRequest request && !closing) {
            if (fanout != null) {
                queued.add(request);
            } else {
                serve(ctx, request);
            }
        }
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    private void serve(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            boolean tooLarge = cause instanceof TooLongHttpHeaderException || cause instanceof TooLongHttpLineException;
            write(ctx, reply.failure(tooLarge ? Failure.HEADERS_TOO_LARGE : Failure.MALFORMED_REQUEST), false);
            return;
        }
        String target = request.uri();
        if (Contract.requestHeadBytes(request.method().name(), target, request.headers())
                > Contract.MAX_REQUEST_HEAD_BYTES) {
            write(ctx, reply.failure(Failure.HEADERS_TOO_LARGE), false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        switch (Route.of(request.method().name(), path)) {
            case HELLO -> write(ctx, HelloHandler.reply(reply), keepAlive);
            case NOT_FOUND -> write(ctx, reply.failure(Failure.NOT_FOUND), keepAlive);
            case METHOD_NOT_ALLOWED -> write(ctx, reply.failure(Failure.METHOD_NOT_ALLOWED), keepAlive);
            case FANOUT -> {
                FanoutRequest fanoutRequest;
                try {
                    fanoutRequest = FanoutRequest.parse(query < 0 ? null : target.substring(query + 1), config);
                } catch (InvalidParameterException e) {
                    write(ctx, reply.text(InvalidParameterException.STATUS, e.bodyBytes()), keepAlive);
                    return;
                }
                ctx.channel().config().setAutoRead(false);
                // Stored before it starts: if it answers at once, fanoutDone clears the field and serves what is
                // queued, so a finished fan-out is never left in it to hold every later request back.
                FanoutHandler started =
                        new FanoutHandler(fanoutRequest, reply, response -> fanoutDone(ctx, response, keepAlive));
                fanout = started;
                started.start(ctx.channel().eventLoop(), client, config.downstreamTimeout());
            }
        }
    }

    private void fanoutDone(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        fanout = null;
        write(ctx, response, keepAlive);
        HttpRequest next;
        while (fanout == null && !closing && (next = queued.poll()) != null) {
            serve(ctx, next);
        }
        ctx.flush();
        if (fanout == null) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Writes without flushing; a response that ends the connection closes it once written. */
    private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            ctx.write(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.write(response).addListener(ChannelFutureListener.CLOSE);
            closing = true;
            queued.clear();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (fanout != null) {
            fanout.cancel();
            fanout = null;
        }
        queued.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset or broken connection is the client's business: drop it and go on serving the others.
        ctx.close();
    }
}
