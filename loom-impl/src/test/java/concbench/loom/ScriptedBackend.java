package concbench.loom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A back end on a real socket whose every answer a test scripts, and which records what the client did: requests
 * received, connections opened, the most open at once, and each connection the client closed.
 */
final class ScriptedBackend implements AutoCloseable {
    /** What the back end does with request number {@code request} (from 0), on its connection's socket. */
    interface Answer {
        void answer(int request, Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Answer answer;
    private final Thread acceptor;
    final AtomicInteger requests = new AtomicInteger();
    /** The request line of every request, in the order they came. */
    final BlockingQueue<String> requestLines = new LinkedBlockingQueue<>();
    final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();
    /** One entry per connection the client closed (the back end read the end of its stream). */
    final BlockingQueue<Integer> closedByClient = new LinkedBlockingQueue<>();

    ScriptedBackend(Answer answer) throws IOException {
        this.listener = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
        this.answer = answer;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** The 200 the real back end sends for call 0: its value, 1. */
    static void ok(Socket socket) throws IOException {
        write(socket, OK_HEAD + "1");
    }

    static final String OK_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: 1\r\n\r\n";

    static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int number = connections.incrementAndGet();
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                Thread.ofVirtual().start(() -> serve(socket, number));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads request heads one after the other and answers each as scripted, until either side closes. */
    private void serve(Socket socket, int number) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    closedByClient.add(number);
                    return;
                }
                requestLines.add(line);
                while (!line.isEmpty()) {
                    line = in.readLine();
                }
                answer.answer(requests.getAndIncrement(), socket);
                if (socket.isClosed()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test ended
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
    }
}
