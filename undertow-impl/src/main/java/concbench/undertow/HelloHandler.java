package concbench.undertow;

import concbench.contract.Contract;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /hello}: runs on a worker thread like every request, although it never blocks. */
final class HelloHandler implements HttpHandler {
    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Reply.send(exchange, 200, Contract.TEXT_PLAIN, Contract.HELLO_BODY_BYTES);
    }
}
