package concbench.conformance;

import concbench.contract.Contract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A back end whose behaviour a test scripts: it answers each call with the right value, or breaks its connection
 * at a chosen point, or holds every call until a given number of them wait at once, or closes its idle
 * connections when told; and it counts the calls it
 * receives, so a server that retried a call shows one call too many. It writes raw bytes on plain sockets (a
 * virtual thread per connection), so that it can stop in the middle of an answer, which no HTTP server library does
 * on request.
 */
final class ScriptedBackend implements AutoCloseable {
    /** What the back end does with each call; {@link #behave} changes it between fan-outs. */
    enum Behaviour {
        /** Answers, and keeps the connection open for the next call. */
        KEEP_ALIVE,
        /** Reads the call, then closes without a byte of answer: what a pooled connection that died meets. */
        CLOSE_BEFORE_ANSWER,
        /** Sends the status line and part of the headers, then closes. */
        CLOSE_IN_HEADERS,
        /** Sends the whole head, which promises one byte more of body than follows, then closes. */
        CLOSE_IN_BODY
    }

    private static final Pattern CALL_INDEX = Pattern.compile("[?&]" + Contract.BACKEND_INDEX_PARAM + "=(\\d+)");
    private static final int MAX_HEAD_BYTES = 8192;
    private static final int HEAD_END = 0x0d0a0d0a;
    /**
     * How long a held call waits for the others: ample for a thousand calls to arrive on a loaded machine, and short
     * of the suite's read timeout, so that a server whose calls never all arrive answers (502) before it.
     */
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(8);
    /** Room for a thousand connections arriving at once: the default of 50 would drop connects and slow them. */
    private static final int ACCEPT_BACKLOG = 4096;

    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Behaviour behaviour = Behaviour.KEEP_ALIVE;
    private volatile CyclicBarrier together;

    private ScriptedBackend() throws IOException {
        listener = new ServerSocket(0, ACCEPT_BACKLOG, InetAddress.getLoopbackAddress());
        connections.execute(this::accept);
    }

    static ScriptedBackend start() throws IOException {
        return new ScriptedBackend();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    void behave(Behaviour next) {
        behaviour = next;
    }

    /**
     * Closes every connection it holds open, as a back end does when its keep-alive timeout expires. Called between
     * fan-outs, it closes connections that sit idle in the server's pool, with no call crossing the close.
     */
    void closeConnections() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
    }

    /**
     * From now on no call is answered until {@code calls} of them are waiting at once; then all of them are, and the
     * next {@code calls} are held again. A call that waits {@link #HOLD_LIMIT} in vain has its connection closed
     * unanswered, which the server reports as 502: its calls did not all run at once.
     */
    void holdUntilTogether(int calls) {
        together = new CyclicBarrier(calls);
    }

    /** The calls received so far, each counted once its request head has arrived whole. */
    int calls() {
        return calls.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        open.add(socket);
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            String head;
            while ((head = readHead(in)) != null) {
                calls.incrementAndGet();
                if (!answer(head, out)) {
                    return;
                }
            }
        } catch (IOException closed) {
            // The server closed or reset the connection, or the test closed it: nothing left to answer.
        } finally {
            open.remove(socket);
        }
    }

    /** Acts on one call as the current behaviour says; false once the connection is to be closed. */
    private boolean answer(String head, OutputStream out) throws IOException {
        Matcher index = CALL_INDEX.matcher(head.substring(0, head.indexOf('\r')));
        String body = index.find() ? Long.toString(Contract.backendValue(Integer.parseInt(index.group(1)))) : "";
        String status = "HTTP/1.1 200 OK\r\n";
        String headers = "Content-Type: " + Contract.TEXT_PLAIN + "\r\nContent-Length: ";
        CyclicBarrier hold = together;
        if (hold != null && !allArrived(hold)) {
            return false;
        }
        Behaviour now = behaviour;
        String written = switch (now) {
            case KEEP_ALIVE -> status + headers + body.length() + "\r\n\r\n" + body;
            case CLOSE_BEFORE_ANSWER -> "";
            case CLOSE_IN_HEADERS -> status + headers.substring(0, headers.length() / 2);
            case CLOSE_IN_BODY -> status + headers + (body.length() + 1) + "\r\n\r\n" + body;
        };
        out.write(written.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return now == Behaviour.KEEP_ALIVE;
    }

    private static boolean allArrived(CyclicBarrier hold) {
        try {
            hold.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | BrokenBarrierException | InterruptedException e) {
            return false;
        }
    }

    /** The request head up to its blank line, or null when the server closed the connection between calls. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != HEAD_END) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (head.size() == MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
            head.write(b);
            last4 = (last4 << Byte.SIZE) | b;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.shutdownNow();
    }
}
