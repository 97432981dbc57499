package concbench.jmh;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Netty event loop, started in set-up and built as netty-impl builds its loops: native epoll where it loads,
 * else NIO. No benchmark does I/O on it, but how the loop wakes up when a task arrives from another thread (an
 * eventfd write for epoll, a selector wake-up for NIO) is part of what handing it a task costs.
 */
@State(Scope.Benchmark)
public class NettyLoop {
    private static final int SHUTDOWN_TIMEOUT_MS = 2000;

    private EventLoopGroup group;
    EventLoop loop;

    @Setup(Level.Trial)
    public void start() {
        group = group(1);
        loop = group.next();
    }

    @TearDown(Level.Trial)
    public void stop() {
        shutDown(group);
    }

    static EventLoopGroup group(int loops) {
        IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(loops, io);
    }

    static void shutDown(EventLoopGroup group) {
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
