package concbench.netty;

import concbench.contract.Contract;
import concbench.contract.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalIoHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does one {@code GET /hello} cost netty-impl, from request bytes in to response bytes out, with no network?
 * The server's own work per simple request: the number to weigh the cost of creating or switching a thread
 * ({@code SpawnAndJoin}, {@code HandOff}) against.
 *
 * <p>The server's real pipeline ({@link ServerInitializer}: the HTTP/1.1 codec with the contract's limits and
 * {@link RequestHandler}) runs on an {@link EmbeddedChannel}: one keep-alive connection whose bytes are handed
 * in and taken out on the benchmark thread. An operation writes one request, as a socket read would deliver it,
 * and drains the encoded response, as a socket write would take it. This benchmark lives in netty-impl's package
 * because that pipeline is package-private.
 *
 * <p>What could fool it, and why it does not:
 * <ul>
 *   <li>Measuring the wrong thing: set-up sends one request and refuses to run unless the answer is the
 *       contract's {@code 200} with {@code Hello, World!} from {@code netty}.</li>
 *   <li>Dead code: the response bytes are counted and returned, and the buffers released, so the encoder's work
 *       is observed.</li>
 *   <li>Constant folding: the request is bytes in a buffer that the decoder parses afresh every time.</li>
 *   <li>Leaks inflating the cost: every response buffer is released, and the request buffer's reference count
 *       is balanced by the decoder's release, so the allocator reaches a steady state in warm-up.</li>
 *   <li>What it leaves out: no system calls, no event-loop wake-up, no TCP. On a real connection the kernel's
 *       read and write usually cost more than this; the figure is the floor of the server's per-request CPU,
 *       not its latency.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class NettyHelloHotPath {
    /** A request as a load generator sends it: request line, Host, Accept, and the blank line. */
    private static final byte[] REQUEST =
            "GET /hello HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private EventLoopGroup dateClock;
    private EmbeddedChannel connection;
    private ByteBuf request;

    @Setup(Level.Trial)
    public void connect() {
        // The Date header refreshes itself on a loop once a second; here on a loop of its own, which does no I/O.
        dateClock = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        DateHeader date = DateHeader.startOn(dateClock);
        // /hello never calls the back end: no back-end client per loop is needed.
        connection = new EmbeddedChannel(new ServerInitializer(ServerConfig.defaults(), date, Map.of()));
        request = PooledByteBufAllocator.DEFAULT.directBuffer(REQUEST.length).writeBytes(REQUEST);
        verifyOneResponse();
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        connection.finishAndReleaseAll();
        request.release();
        dateClock.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    /** One request in, the whole response out; returns the number of response bytes. */
    @Benchmark
    public long getHello() {
        connection.writeInbound(request.retainedDuplicate());
        long bytes = 0;
        ByteBuf out;
        while ((out = connection.readOutbound()) != null) {
            bytes += out.readableBytes();
            out.release();
        }
        return bytes;
    }

    private void verifyOneResponse() {
        connection.writeInbound(request.retainedDuplicate());
        StringBuilder response = new StringBuilder();
        ByteBuf out;
        while ((out = connection.readOutbound()) != null) {
            response.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        String text = response.toString();
        if (!text.startsWith("HTTP/1.1 200 OK\r\n") || !text.endsWith("\r\n\r\n" + Contract.HELLO_BODY)
                || !text.toLowerCase().contains("\r\nserver: " + NettyImplementation.NAME + "\r\n")) {
            throw new IllegalStateException("netty-impl did not answer GET /hello as the contract says:\n" + text);
        }
    }
}
