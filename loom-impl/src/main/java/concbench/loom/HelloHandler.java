package concbench.loom;

import concbench.contract.Contract;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /hello}: a fixed body, nothing blocks. */
final class HelloHandler {
    void handle(ServerResponse response) {
        response.header(ResponseHeaders.TEXT_PLAIN);
        response.send(Contract.HELLO_BODY_BYTES);
    }
}
