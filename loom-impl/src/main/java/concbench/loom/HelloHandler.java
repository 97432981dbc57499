package concbench.loom;

import concbench.contract.Contract;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /hello}: a fixed body, nothing blocks. */
final class HelloHandler {
    void handle(ServerResponse response) {
        Reply.ok(response, ResponseHeaders.TEXT_PLAIN, Contract.HELLO_BODY_BYTES);
    }
}
