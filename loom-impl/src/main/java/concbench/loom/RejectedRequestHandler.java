package concbench.loom;

import concbench.contract.Failure;
import io.helidon.http.DirectHandler;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;

/**
 * Replies to requests Helidon rejects before any route sees them, with the contract's headers and bodies; Helidon
 * closes the connection after such a reply. The contract's cases, as Helidon reports them:
 * <ul>
 * <li>a request line over its limit: 414, and a header section over its limit: 400 with the message
 *     {@value #HEADER_SIZE_EXCEEDED}; both are the contract's 431;</li>
 * <li>any other bad request line or header: 400;</li>
 * <li>a request line its parser throws on without wrapping the error (a control character in the method):
 *     an internal error with no request parsed yet, which is the contract's 400 too.</li>
 * </ul>
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
        if (eventType == EventType.BAD_REQUEST || isUnparsed(request, eventType)) {
            Failure failure = isTooLarge(defaultStatus, message) ? Failure.HEADERS_TOO_LARGE : Failure.MALFORMED_REQUEST;
            status = Reply.status(failure.status());
            body = failure.bodyBytes();
        } else {
            // Not a case of the contract: Helidon's status, with its reason as the body.
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

    private static boolean isUnparsed(TransportRequest request, EventType eventType) {
        return eventType == EventType.INTERNAL_ERROR && request == TransportRequest.empty();
    }

    private static boolean isTooLarge(Status status, String message) {
        return status.code() == Status.REQUEST_URI_TOO_LONG_414.code() || HEADER_SIZE_EXCEEDED.equals(message);
    }
}
