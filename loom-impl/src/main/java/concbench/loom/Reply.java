package concbench.loom;

import concbench.contract.Failure;
import io.helidon.http.Header;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * Sends a routed response with the headers every response carries. The Date is taken as the response leaves, not
 * when the request came in: a fan-out can take seconds.
 */
final class Reply {
    /** Helidon has no constant for 431, and without a reason phrase it would write the status line "431 431". */
    private static final Status HEADERS_TOO_LARGE = Status.create(Failure.HEADERS_TOO_LARGE.status(),
            "Request Header Fields Too Large");

    private Reply() {
    }

    static void ok(ServerResponse response, Header contentType, byte[] body) {
        send(response, Status.OK_200, contentType, body);
    }

    static void failure(ServerResponse response, Failure failure) {
        send(response, status(failure.status()), ResponseHeaders.TEXT_PLAIN, failure.bodyBytes());
    }

    /** Helidon adds Content-Length for a body sent whole, and never chunks it. */
    static void send(ServerResponse response, Status status, Header contentType, byte[] body) {
        response.status(status);
        response.header(ResponseHeaders.SERVER);
        response.header(ResponseHeaders.date());
        response.header(contentType);
        response.send(body);
    }

    static Status status(int code) {
        return code == HEADERS_TOO_LARGE.code() ? HEADERS_TOO_LARGE : Status.create(code);
    }
}
