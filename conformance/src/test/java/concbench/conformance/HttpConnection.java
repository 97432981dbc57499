package concbench.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A raw HTTP/1.1 connection for the suite: it writes exactly the bytes a test gives and reads responses byte for
 * byte, so the suite sees what is on the wire rather than what a client library makes of it.
 */
final class HttpConnection implements AutoCloseable {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** When the first bytes written since the last response was read began to leave; null when none were. */
    private Instant unansweredSince;
    /**
     * The earliest moment the next response can answer: when the oldest request not yet answered began to leave.
     * Responses to requests pipelined in one write share it; before any write, the connection's opening.
     */
    private Instant requestSentAt = Instant.now();

    HttpConnection(InetSocketAddress address) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    void send(String raw) throws IOException {
        if (unansweredSince == null) {
            unansweredSince = Instant.now();
        }
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    HttpResponse exchange(String raw) throws IOException {
        send(raw);
        return read();
    }

    /** Reads one response: status line, headers, and a body of exactly Content-Length bytes. */
    HttpResponse read() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].equals("HTTP/1.1")) {
            throw new IOException("not an HTTP/1.1 status line: " + lines[0]);
        }
        if (unansweredSince != null) {
            requestSentAt = unansweredSince;
            unansweredSince = null;
        }
        HttpResponse.Builder response = new HttpResponse.Builder(Integer.parseInt(status[1]),
                status.length > 2 ? status[2] : "", requestSentAt);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            response.header(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        HttpResponse partial = response.build(new byte[0]);
        if (partial.header("transfer-encoding") != null) {
            throw new IOException("chunked or encoded body; the contract requires Content-Length: " + head);
        }
        String length = partial.header("content-length");
        if (length == null) {
            throw new IOException("no Content-Length: " + head);
        }
        return response.build(in.readNBytes(Integer.parseInt(length)));
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of a response head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("response head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    /** True when the server closes the connection (end of stream or reset) with nothing more to read. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
