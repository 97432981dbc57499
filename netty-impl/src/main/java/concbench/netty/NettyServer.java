package concbench.netty;

import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bootstrap: one group of {@code ioThreads} event loops accepts connections, serves them, and runs every back-end
 * call. Each event loop owns its own back-end connection pool, so a request's fan-out never leaves the thread that
 * read the request: no locks, no hand-offs, no thread ever blocks.
 */
final class NettyServer implements RunningServer {
    private static final int ACCEPT_BACKLOG = 8192;
    private static final int SHUTDOWN_TIMEOUT_MS = 2000;

    private final EventLoopGroup group;
    private final Channel serverChannel;

    private NettyServer(EventLoopGroup group, Channel serverChannel) {
        this.group = group;
        this.serverChannel = serverChannel;
    }

    static NettyServer start(ServerConfig config) throws InterruptedException {
        Transport transport = Transport.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.ioThreads(), transport.ioHandlerFactory());
        try {
            DateHeader date = DateHeader.startOn(group);
            // Every loop's pool holds the whole cap (docs/contract.md, "The back-end connections"): a fan-out of up
            // to --backend-connections calls runs all of them at once whichever loop its request landed on, and the
            // server as a whole may hold ioThreads x cap connections.
            Map<EventLoop, BackendClient> clients = new IdentityHashMap<>();
            for (EventExecutor executor : group) {
                EventLoop loop = (EventLoop) executor;
                clients.put(loop, new BackendClient(loop, transport.clientChannel(), config));
            }
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ServerInitializer(config, date, clients))
                    .bind(config.host(), config.port()).sync().channel();
            return new NettyServer(group, channel);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
