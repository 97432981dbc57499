package concbench.netty;

import concbench.contract.Contract;
import concbench.contract.ServerConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;

/**
 * The back-end client of one event loop: a pool of up to {@code --backend-connections} keep-alive connections that
 * live on that loop, so a call and its answer are handled on the thread of the request that made it. Calls beyond
 * the pool's size wait for a connection instead of opening more. A connection the back end closed while idle is
 * dropped when the pool next hands it out (its health check: is the channel still active?), so no call is ever
 * sent on it; a call whose connection breaks fails, and is never retried.
 */
final class BackendClient {
    /** What a call reports, always on the client's event loop. */
    interface Callback {
        void onValue(long value);

        void onFailure(Throwable cause);
    }

    /** The back end answers a decimal number; anything longer is a broken back end. */
    private static final int MAX_RESPONSE_BYTES = 1024;
    private static final AttributeKey<Call> CALL = AttributeKey.valueOf(BackendClient.class, "call");

    private final FixedChannelPool pool;
    private final AsciiString hostHeader;

    BackendClient(EventLoop loop, Class<? extends SocketChannel> channelType, ServerConfig config) {
        // Resolved once here, so that no connect ever waits for a name lookup on the event loop.
        InetSocketAddress backend = new InetSocketAddress(config.backendHost(), config.backendPort());
        this.hostHeader = AsciiString.cached(config.backendHost() + ":" + config.backendPort());
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.downstreamTimeout().toMillis())
                .remoteAddress(backend);
        this.pool = new FixedChannelPool(bootstrap, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES),
                        new ResponseHandler());
            }
        }, config.backendConnections());
    }

    /** Starts {@code GET pathAndQuery}; the callback hears exactly once, unless the call is cancelled first. */
    Call call(String pathAndQuery, Callback callback) {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.GET, pathAndQuery, Unpooled.EMPTY_BUFFER, false);
        request.headers().set(HttpHeaderNames.HOST, hostHeader);
        Call call = new Call(request, callback);
        pool.acquire().addListener(call);
        return call;
    }

    /** One back-end call: waits for a pooled connection, sends, and hands the connection back when answered. */
    final class Call implements GenericFutureListener<Future<Channel>> {
        private final DefaultFullHttpRequest request;
        private final Callback callback;
        private Channel channel;
        private boolean over;

        private Call(DefaultFullHttpRequest request, Callback callback) {
            this.request = request;
            this.callback = callback;
        }

        @Override
        public void operationComplete(Future<Channel> acquired) {
            if (!acquired.isSuccess()) {
                fail(acquired.cause());
                return;
            }
            channel = acquired.getNow();
            if (over) {
                pool.release(channel);
                return;
            }
            channel.attr(CALL).set(this);
            channel.writeAndFlush(request).addListener(written -> {
                if (!written.isSuccess()) {
                    fail(written.cause());
                }
            });
        }

        private void answered(FullHttpResponse response) {
            if (over) {
                return;
            }
            if (response.decoderResult().isFailure()) {
                // A head the decoder could not read, e.g. cut off by a close: a broken connection, not an answer.
                fail(response.decoderResult().cause());
                return;
            }
            over = true;
            channel.attr(CALL).set(null);
            if (HttpUtil.isKeepAlive(response)) {
                pool.release(channel);
            } else {
                discardConnection();
            }
            if (!response.status().equals(HttpResponseStatus.OK)) {
                callback.onFailure(new IOException("back end answered " + response.status()));
                return;
            }
            long value;
            try {
                value = Contract.parseBackendValue(response.content().toString(StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                callback.onFailure(e);
                return;
            }
            callback.onValue(value);
        }

        private void fail(Throwable cause) {
            if (!over) {
                cancel();
                callback.onFailure(cause);
            }
        }

        /**
         * Abandons the call. A connection with a request in flight cannot be reused (its answer would reach the
         * next caller), so it is closed rather than returned.
         */
        void cancel() {
            if (over) {
                return;
            }
            over = true;
            if (channel != null) {
                channel.attr(CALL).set(null);
                discardConnection();
            }
        }

        private void discardConnection() {
            channel.close();
            pool.release(channel);
        }
    }

    /** Routes a connection's answer, or its loss, to the call in flight on it. */
    private static final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Call call = ctx.channel().attr(CALL).getAndSet(null);
            if (call != null) {
                call.answered(response);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Call call = ctx.channel().attr(CALL).getAndSet(null);
            if (call != null) {
                call.fail(new ClosedChannelException());
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Call call = ctx.channel().attr(CALL).getAndSet(null);
            if (call != null) {
                call.fail(cause);
            }
            ctx.close();
        }
    }
}
