package concbench.runner;

import concbench.contract.Contract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The live check before a server is measured: the hello bytes and headers and one fan-out sum, over a real
 * socket. A server that fails it is not measured; numbers from a server that answers wrongly mean nothing. The
 * conformance suite checks every clause; this is the fast subset that catches a broken build or set-up.
 */
final class ContractCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CALLS = 10;
    private static final int DELAY_MS = 1;

    private ContractCheck() {
    }

    /**
     * {@code java -cp runner.jar concbench.runner.ContractCheck IMPLEMENTATION URL}: the check from another host, a
     * load generator's, against the server's address as a user's client reaches it. Exit status 0 when the server
     * passes; 1 with the reason on standard output when it fails.
     */
    public static void main(String[] args) throws InterruptedException {
        Optional<String> failure = failure(args[0], args[1]);
        failure.ifPresent(System.out::println);
        System.exit(failure.isPresent() ? 1 : 0);
    }

    /** @return why the server fails the check, or empty when it passes */
    static Optional<String> failure(String implementation, int port) throws InterruptedException {
        return failure(implementation, "http://127.0.0.1:" + port);
    }

    /** @param base the server's URL, {@code http://host:port} */
    static Optional<String> failure(String implementation, String base) throws InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> hello = get(client, base + Contract.HELLO_PATH);
            if (hello.statusCode() != 200 || !hello.body().equals(Contract.HELLO_BODY)) {
                return Optional.of("GET /hello answered " + hello.statusCode() + " '" + hello.body() + "'");
            }
            Optional<String> wrongHeader = header(hello, "server", implementation)
                    .or(() -> header(hello, "content-type", Contract.TEXT_PLAIN))
                    .or(() -> header(hello, "content-length", Integer.toString(Contract.HELLO_BODY_BYTES.length)));
            if (wrongHeader.isPresent()) {
                return wrongHeader;
            }
            String fanoutTarget = Contract.FANOUT_PATH + "?" + Contract.CALLS_PARAM + "=" + CALLS + "&"
                    + Contract.DELAY_PARAM + "=" + DELAY_MS;
            HttpResponse<String> fanout = get(client, base + fanoutTarget);
            String expected = Contract.fanoutBody(CALLS, Contract.expectedSum(CALLS));
            if (fanout.statusCode() != 200 || !fanout.body().equals(expected)) {
                return Optional.of("GET " + fanoutTarget + " answered " + fanout.statusCode() + " '" + fanout.body()
                        + "', expected 200 '" + expected + "'");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the server did not answer: " + e);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> header(HttpResponse<?> response, String name, String expected) {
        String actual = response.headers().firstValue(name).orElse(null);
        return expected.equals(actual)
                ? Optional.empty()
                : Optional.of("GET /hello has " + name + ": " + actual + ", expected " + expected);
    }
}
