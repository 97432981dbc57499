package concbench.loom;

import concbench.contract.Failure;
import io.helidon.http.DirectHandler;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;

/**
 * Replies to requests Helidon rejects before any route sees them, with the contract's headers and bodies. Helidon
 * closes the connection after such a reply. The cases the contract names: a request line or header Helidon cannot
 * parse (400), a request line over its limit (Helidon's 414) and a header section over its limit (Helidon's 400
 * with the message {@value #HEADER_SIZE_EXCEEDED}), both of which are the contract's 431.
 */
final class RejectedRequestHandler implements DirectHandler {
    /**
     * The only sign Helidon gives that its header parser stopped at the size limit rather than at bad syntax. It
     * reaches this handler because the listener's error handling includes messages; the conformance suite's 431
     * clause catches a Helidon release that words it differently.
     */
    static final String HEADER_SIZE_EXCEEDED = "Header size exceeded";

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        Status status;
        byte[] body;
        if (eventType == EventType.BAD_REQUEST) {
            Failure failure = isTooLarge(defaultStatus, message) ? Failure.HEADERS_TOO_LARGE : Failure.MALFORMED_REQUEST;
            status = ErrorReply.status(failure.status());
            body = failure.bodyBytes();
        } else {
            // Not a case of the contract (e.g. HTTP/1.0, 505): Helidon's status with its reason as the body.
            status = defaultStatus;
            body = (defaultStatus.reasonPhrase() + "\n").getBytes(StandardCharsets.UTF_8);
        }
        return TransportResponse.builder()
                .status(status)
                .header(ResponseHeaders.SERVER)
                .header(ResponseHeaders.date())
                .header(ResponseHeaders.TEXT_PLAIN)
                .entity(body)
                .keepAlive(false)
                .build();
    }

    private static boolean isTooLarge(Status status, String message) {
        return status.code() == Status.REQUEST_URI_TOO_LONG_414.code() || HEADER_SIZE_EXCEEDED.equals(message);
    }
}
