package concbench.contract;

import java.nio.charset.StandardCharsets;

/**
 * Every error reply of the contract with a fixed body: status, and a one-line plain-text reason that is the same
 * bytes from every server. A bad fan-out parameter is the one 400 whose reason varies: see
 * {@link InvalidParameterException}.
 */
public enum Failure {
    /** A request line or header the HTTP parser rejects. The server closes the connection after it. */
    MALFORMED_REQUEST(400, "Bad Request"),
    NOT_FOUND(404, "Not Found"),
    /** Sent with {@code Allow: GET}. */
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    /** The request head is over {@link Contract#MAX_REQUEST_HEAD_BYTES}. The server closes the connection after it. */
    HEADERS_TOO_LARGE(431, "Request Header Fields Too Large"),
    /** The back end refused the connection, broke it, answered a status other than 200, or a body that is not a value. */
    BAD_GATEWAY(502, "Bad Gateway: the back end failed"),
    /** The back end did not answer every call of a fan-out within the server's downstream timeout. */
    GATEWAY_TIMEOUT(504, "Gateway Timeout: the back end did not answer in time");

    private final int status;
    private final String body;
    private final byte[] bodyBytes;

    Failure(int status, String reason) {
        this.status = status;
        this.body = reason + "\n";
        this.bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    }

    public int status() {
        return status;
    }

    /** The reply body: the reason and a newline, sent as {@link Contract#TEXT_PLAIN}. */
    public String body() {
        return body;
    }

    public byte[] bodyBytes() {
        return bodyBytes.clone();
    }
}
