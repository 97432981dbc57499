package concbench.undertow;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.Route;
import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.util.Headers;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Undertow core assembled from XNIO and its HTTP listener, as Undertow's documentation describes for servers that
 * need more than its builder offers: here, a hook on each accepted connection (see {@link RejectionReplyConduit}).
 *
 * <p>Threads: {@code ioThreads} XNIO I/O threads parse requests and write bytes and never block; every request is
 * then handed to a worker thread (XNIO's task pool), where handlers block like servlet code; a fan-out's back-end
 * calls block on platform threads of a separate fan-out pool. The module README gives every count and its reason.
 */
final class UndertowServer implements RunningServer {
    /** Undertow's own default worker pool per I/O thread, sized for handlers that compute rather than wait. */
    private static final int WORKER_THREADS_PER_IO_THREAD = 8;
    /** What Undertow's builder picks on a heap over 128 MiB; direct, so socket I/O skips a copy. */
    private static final int BUFFER_SIZE = 16 * 1024 - 20;
    private static final int BUFFERS_CACHED_PER_THREAD = 4;
    /** Undertow's builder default accept backlog. */
    private static final int BACKLOG = 1000;
    /** Undertow's builder default: an idle keep-alive connection is closed after a minute. */
    private static final int IDLE_CONNECTION_TIMEOUT_MS = 60_000;

    private final XnioWorker worker;
    private final DefaultByteBufferPool buffers;
    private final HttpOpenListener httpListener;
    private final ExecutorService fanoutPool;
    private final BackendClient backend;
    private final HttpHandler hello;
    private final HttpHandler fanout;
    private AcceptingChannel<StreamConnection> acceptor;

    private UndertowServer(ServerConfig config) throws IOException {
        worker = Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                .set(Options.WORKER_NAME, UndertowImplementation.NAME)
                .set(Options.WORKER_IO_THREADS, config.ioThreads())
                .set(Options.WORKER_TASK_CORE_THREADS, workerThreads(config))
                .set(Options.WORKER_TASK_MAX_THREADS, workerThreads(config))
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .getMap());
        buffers = new DefaultByteBufferPool(true, BUFFER_SIZE, -1, BUFFERS_CACHED_PER_THREAD);
        httpListener = new HttpOpenListener(buffers, OptionMap.builder()
                // The contract's limit on the request head; Undertow counts the request line and every header.
                .set(UndertowOptions.MAX_HEADER_SIZE, Contract.MAX_REQUEST_HEAD_BYTES)
                // Undertow's count limits (200 headers, 1000 parameters) are lifted to what fits in that many
                // bytes, so that the byte limit is the only one and a valid head is never refused for its shape.
                .set(UndertowOptions.MAX_HEADERS, Contract.MAX_REQUEST_HEAD_BYTES)
                .set(UndertowOptions.MAX_PARAMETERS, Contract.MAX_REQUEST_HEAD_BYTES)
                // Route on the path as sent, byte for byte, like the other servers; nothing here needs it decoded.
                .set(UndertowOptions.DECODE_URL, false)
                // HTTP/1.1 is keep-alive unless told otherwise; no need to say so on every response.
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                // Reply sets the Date itself: see DateHeader for why Undertow's cached one is not used.
                .set(UndertowOptions.ALWAYS_SET_DATE, false)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_CONNECTION_TIMEOUT_MS)
                .getMap());
        // One thread per back-end connection: a call holds both for its whole wait, so a thread more would only
        // wait for a connection and a thread fewer would leave one idle. Calls beyond that queue, unbounded, as
        // calls beyond the connection pool wait for a connection. The threads are started once, up front, so that
        // creating them is never part of a request's latency.
        int fanoutThreads = config.backendConnections();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(fanoutThreads, fanoutThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name(UndertowImplementation.NAME + "-fanout-", 1).factory());
        pool.prestartAllCoreThreads();
        fanoutPool = pool;
        backend = new BackendClient(config);
        hello = new HelloHandler();
        fanout = new FanoutHandler(config, backend, fanoutPool);
        // BlockingHandler dispatches every request from the I/O thread to a worker thread and starts blocking mode.
        httpListener.setRootHandler(new BlockingHandler(this::route));
    }

    /**
     * Enough workers to keep every back-end connection busy with fan-outs of the default size while each worker
     * blocks for its whole fan-out, plus Undertow's default pool on top so short requests do not queue behind them.
     */
    static int workerThreads(ServerConfig config) {
        return config.backendConnections() / config.defaultCalls() + config.ioThreads() * WORKER_THREADS_PER_IO_THREAD;
    }

    static UndertowServer start(ServerConfig config) throws IOException {
        UndertowServer server = new UndertowServer(config);
        try {
            server.listen(new InetSocketAddress(config.host(), config.port()));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void listen(InetSocketAddress address) throws IOException {
        ChannelListener<StreamConnection> onAccept = connection -> {
            RejectionReplyConduit.install(connection);
            httpListener.handleEvent(connection);
        };
        acceptor = worker.createStreamConnectionServer(address, ChannelListeners.openListenerAdapter(onAccept),
                OptionMap.builder()
                        .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
                        .set(Options.TCP_NODELAY, true)
                        .set(Options.REUSE_ADDRESSES, true)
                        .set(Options.BALANCING_TOKENS, 1)
                        .set(Options.BALANCING_CONNECTIONS, 2)
                        .set(Options.BACKLOG, BACKLOG)
                        .getMap());
        acceptor.resumeAccepts();
    }

    /** Runs on a worker thread: the one routing decision every server shares. */
    private void route(HttpServerExchange exchange) throws Exception {
        switch (Route.of(exchange.getRequestMethod().toString(), exchange.getRequestPath())) {
            case HELLO -> hello.handleRequest(exchange);
            case FANOUT -> fanout.handleRequest(exchange);
            case NOT_FOUND -> Reply.failure(exchange, Failure.NOT_FOUND);
            case METHOD_NOT_ALLOWED -> {
                exchange.getResponseHeaders().put(Headers.ALLOW, Contract.ALLOWED_METHOD);
                Reply.failure(exchange, Failure.METHOD_NOT_ALLOWED);
            }
        }
    }

    @Override
    public InetSocketAddress address() {
        return acceptor.getLocalAddress(InetSocketAddress.class);
    }

    @Override
    public void close() {
        IoUtils.safeClose(acceptor);
        httpListener.closeConnections();
        // Interrupts workers still blocked in a fan-out; each then cancels its own calls.
        worker.shutdownNow();
        fanoutPool.shutdownNow();
        // Frees a pool thread still blocked in a socket read, which an interrupt does not.
        backend.close();
        boolean interrupted = false;
        while (true) {
            try {
                worker.awaitTermination();
                fanoutPool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        buffers.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
