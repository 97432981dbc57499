package concbench.loom;

import concbench.contract.Failure;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The contract's error replies: a status and a one-line plain-text body. */
final class ErrorReply {
    /** Helidon has no constant for 431, and without a reason phrase it would write the status line "431 431". */
    private static final Status HEADERS_TOO_LARGE = Status.create(Failure.HEADERS_TOO_LARGE.status(),
            "Request Header Fields Too Large");

    private ErrorReply() {
    }

    static void send(ServerResponse response, Failure failure) {
        send(response, status(failure.status()), failure.bodyBytes());
    }

    static void send(ServerResponse response, Status status, byte[] body) {
        response.status(status);
        response.header(ResponseHeaders.TEXT_PLAIN);
        response.send(body);
    }

    static Status status(int code) {
        return code == HEADERS_TOO_LARGE.code() ? HEADERS_TOO_LARGE : Status.create(code);
    }
}
