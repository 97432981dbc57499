package concbench.contract;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP contract that every server obeys byte for byte, written once. {@code docs/contract.md} states it for
 * humans; the conformance suite proves each server keeps it.
 */
public final class Contract {
    public static final String HELLO_PATH = "/hello";
    public static final String FANOUT_PATH = "/fanout";
    /** The back end's only path: {@code GET /delay?ms=D&i=k}. */
    public static final String DELAY_PATH = "/delay";

    public static final String CALLS_PARAM = "n";
    public static final String DELAY_PARAM = "delayMs";
    public static final String BACKEND_DELAY_PARAM = "ms";
    public static final String BACKEND_INDEX_PARAM = "i";
    /**
     * The bounds of a fan-out's N ({@code n}) as docs/contract.md states them: a server started with its defaults
     * accepts 1 to {@value #MAX_CALLS} calls, as many as its default back-end connection cap.
     */
    public static final int MIN_CALLS = 1;
    public static final int MAX_CALLS = 1000;

    public static final String HELLO_BODY = "Hello, World!";
    public static final byte[] HELLO_BODY_BYTES = HELLO_BODY.getBytes(StandardCharsets.US_ASCII);

    public static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
    public static final String APPLICATION_JSON = "application/json";
    /** The only method the servers answer; anything else is 405 with {@code Allow: GET}. */
    public static final String ALLOWED_METHOD = "GET";

    /**
     * The largest request head a server accepts, counted as {@link #requestHeadBytes} counts it: the request line,
     * every header line and the blank line that ends the head. Larger is 431, however it is split between the
     * request line and the headers.
     */
    public static final int MAX_REQUEST_HEAD_BYTES = 8192;

    /**
     * How long a server may take to notice that the back end closed a pooled connection while it sat idle. The
     * event-loop clients notice at once, when their loop reads the close; a blocking client notices only when it
     * checks a connection before reusing it, which Apache HttpClient does for connections idle at least this long
     * (its default). A call that meets the close before it is noticed fails like any broken connection: 502.
     */
    public static final Duration BACKEND_IDLE_CLOSE_NOTICE = Duration.ofSeconds(2);

    private static final int CRLF = 2;
    /** {@code " HTTP/1.1"}, and the space between method and target. */
    private static final int REQUEST_LINE_FIXED = " HTTP/1.1".length() + 1;
    private static final int HEADER_SEPARATOR = ": ".length();

    private Contract() {
    }

    /**
     * The value the back end answers for call {@code k}. A square rather than {@code k} itself so that the
     * sum catches a server that repeats or skips calls, not only one that makes the wrong number of them.
     */
    public static long backendValue(int index) {
        return (long) index * index + 1;
    }

    /** The sum a correct fan-out of {@code calls} calls reports: the sum of {@link #backendValue} over 0..calls-1. */
    public static long expectedSum(int calls) {
        long n = calls;
        return (n - 1) * n * (2 * n - 1) / 6 + n;
    }

    /** The fan-out reply body, identical from every server. */
    public static String fanoutBody(int calls, long sum) {
        return "{\"calls\":" + calls + ",\"sum\":" + sum + "}";
    }

    /** The path and query of back-end call {@code index} of a fan-out with the given delay. */
    public static String delayPathAndQuery(int delayMs, int index) {
        return DELAY_PATH + "?" + BACKEND_DELAY_PARAM + "=" + delayMs + "&" + BACKEND_INDEX_PARAM + "=" + index;
    }

    /**
     * The size of a request head as a client writes it: {@code METHOD target HTTP/1.1}, one {@code name: value}
     * line per header, and the blank line. For parsers that limit the request line and the headers each on its
     * own, so that they can enforce {@link #MAX_REQUEST_HEAD_BYTES} on the whole head like the others.
     */
    public static int requestHeadBytes(String method, String target,
            Iterable<? extends Map.Entry<? extends CharSequence, ? extends CharSequence>> headers) {
        int size = method.length() + target.length() + REQUEST_LINE_FIXED + CRLF;
        for (Map.Entry<? extends CharSequence, ? extends CharSequence> header : headers) {
            size += header.getKey().length() + HEADER_SEPARATOR + header.getValue().length() + CRLF;
        }
        return size + CRLF;
    }

    /**
     * Reads the back end's answer body: the decimal value, nothing else.
     *
     * @throws NumberFormatException if the body is not a decimal long, which a server reports as 502
     */
    public static long parseBackendValue(CharSequence body) {
        return Long.parseLong(body, 0, body.length(), 10);
    }
}
