package concbench.undertow;

import concbench.contract.Contract;
import concbench.contract.Failure;
import org.xnio.StreamConnection;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Gives the two replies Undertow writes outside any exchange the contract's form.
 *
 * <p>When Undertow's HTTP/1.1 parser rejects a request head, because it is malformed or because it is over
 * {@code MAX_HEADER_SIZE}, it writes one fixed reply straight to the connection and closes it: {@code 400} in both
 * cases, with no body, no {@code Server}, no {@code Date}. The contract wants {@code 400 Bad Request} or
 * {@code 431 Request Header Fields Too Large} with the usual headers and a body. Undertow has no hook for these
 * replies, so this conduit sits at the bottom of every connection's write chain, recognises Undertow's fixed bytes
 * and writes the contract's reply in their place. Every other write passes straight through.
 *
 * <p>Which of the two it was is read from the connection's HTTP read listener: its count of head bytes parsed so
 * far is past the limit only when the head was too large (a malformed head is rejected before that count can pass
 * it). That field is private to Undertow, so it is looked up once at start-up, and a changed Undertow fails there
 * rather than answering wrongly.
 */
final class RejectionReplyConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {
    /** What {@code io.undertow.server.protocol.http.HttpReadListener} writes for any rejected head. */
    private static final ByteBuffer UNDERTOW_REJECTION = ByteBuffer.wrap(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    private static final VarHandle HEAD_BYTES_READ = headBytesRead();

    private final StreamConnection connection;
    /** The contract's reply once Undertow's has been seen, until all of it is written. Touched on the I/O thread only. */
    private ByteBuffer replacement;

    private RejectionReplyConduit(StreamConnection connection) {
        super(connection.getSinkChannel().getConduit());
        this.connection = connection;
    }

    /** Puts the conduit under whatever Undertow will stack on a newly accepted connection. */
    static void install(StreamConnection connection) {
        connection.getSinkChannel().setConduit(new RejectionReplyConduit(connection));
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (replacement == null) {
            if (!UNDERTOW_REJECTION.equals(src)) {
                return next.write(src);
            }
            replacement = ByteBuffer.wrap(contractReply(headTooLarge() ? Failure.HEADERS_TOO_LARGE : Failure.MALFORMED_REQUEST));
        }
        while (replacement.hasRemaining()) {
            if (next.write(replacement) == 0) {
                // Undertow waits for the socket to drain and calls again with its reply still unwritten.
                return 0;
            }
        }
        int replaced = src.remaining();
        src.position(src.limit());
        return replaced;
    }

    private boolean headTooLarge() {
        return (int) HEAD_BYTES_READ.get(connection.getSourceChannel().getReadListener())
                > Contract.MAX_REQUEST_HEAD_BYTES;
    }

    private static byte[] contractReply(Failure failure) {
        byte[] body = failure.bodyBytes();
        String head = "HTTP/1.1 " + failure.status() + " " + failure.body().strip() + "\r\n"
                + "Server: " + UndertowImplementation.NAME + "\r\n"
                + "Date: " + DateHeader.value() + "\r\n"
                + "Content-Type: " + Contract.TEXT_PLAIN + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteArrayOutputStream reply = new ByteArrayOutputStream(head.length() + body.length);
        reply.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        reply.writeBytes(body);
        return reply.toByteArray();
    }

    private static VarHandle headBytesRead() {
        try {
            Class<?> readListener = Class.forName("io.undertow.server.protocol.http.HttpReadListener");
            return MethodHandles.privateLookupIn(readListener, MethodHandles.lookup())
                    .findVarHandle(readListener, "read", int.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Undertow version has no HttpReadListener.read to tell 431 from 400", e);
        }
    }
}
