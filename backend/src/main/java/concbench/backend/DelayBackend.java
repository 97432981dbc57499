package concbench.backend;

import concbench.contract.CommandLine;
import concbench.contract.Foreground;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The slow back end of the fan-out scenario: {@code GET /delay?ms=D&i=k} answers {@code k*k+1} after D ms.
 *
 * <p>It must never be the bottleneck of a measurement, so a waiting request costs a scheduled task on its
 * connection's event loop and nothing else: no thread per request, no blocking anywhere.
 */
public final class DelayBackend implements AutoCloseable {
    public static final int DEFAULT_PORT = 9090;
    /** Deep enough for a burst of thousands of fan-out connections opening at once. */
    private static final int ACCEPT_BACKLOG = 8192;
    private static final int QUIET_PERIOD_MS = 0;
    private static final int SHUTDOWN_TIMEOUT_MS = 2000;

    private static final Map<String, String> OPTIONS = CommandLine.options(
            "host", "address to listen on (default 127.0.0.1)",
            "port", "port to listen on, 0 for any free one (default " + DEFAULT_PORT + ")",
            "threads", "event-loop threads (default: available CPUs)");

    private final EventLoopGroup group;
    private final Channel serverChannel;

    private DelayBackend(EventLoopGroup group, Channel serverChannel) {
        this.group = group;
        this.serverChannel = serverChannel;
    }

    /** Starts listening; returns once the port is bound. */
    public static DelayBackend start(String host, int port, int threads) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerSocketChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new DelayHandler());
                        }
                    })
                    .bind(host, port).sync().channel();
            return new DelayBackend(group, channel);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(QUIET_PERIOD_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(QUIET_PERIOD_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.println("options of the delay back end:\n" + CommandLine.usage(OPTIONS));
            return;
        }
        String host;
        int port;
        int threads;
        try {
            CommandLine line = CommandLine.parse(args, OPTIONS);
            host = line.string("host", "127.0.0.1");
            port = line.integer("port", DEFAULT_PORT, 0, 65_535);
            threads = line.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 4096);
        } catch (IllegalArgumentException e) {
            System.err.println("backend: " + e.getMessage() + "\noptions:\n" + CommandLine.usage(OPTIONS));
            System.exit(2);
            return;
        }
        DelayBackend backend;
        try {
            backend = start(host, port, threads);
        } catch (Exception e) {
            System.err.println("backend: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        InetSocketAddress address = backend.address();
        Foreground.serve("backend", backend::close, "backend listening on http://" + address.getHostString() + ":"
                + address.getPort() + " (GET /delay?ms=D&i=k, " + threads + " event-loop threads)");
    }
}
