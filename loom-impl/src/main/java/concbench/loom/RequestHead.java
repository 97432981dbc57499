package concbench.loom;

import io.helidon.http.Header;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.http.ServerRequest;

/**
 * The size of a request head (request line and headers) as it came over the wire. Helidon limits the request line
 * and the header section each on its own; the contract limits their sum, which this reconstructs from the parsed
 * request. Helidon strips the whitespace around header values, so each is counted as {@code name: value}, the
 * form every client sends.
 */
final class RequestHead {
    private static final int CRLF = 2;
    /** The two spaces of {@code METHOD SP target SP HTTP/1.1}. */
    private static final int REQUEST_LINE_SPACES = 2;
    /** The only version Helidon's HTTP/1 parser lets through. */
    private static final int VERSION = "HTTP/1.1".length();
    private static final int QUERY_MARK = "?".length();
    private static final int FRAGMENT_MARK = "#".length();
    private static final int NAME_VALUE_SEPARATOR = ": ".length();

    private RequestHead() {
    }

    static int size(ServerRequest request) {
        HttpPrologue prologue = request.prologue();
        int size = prologue.method().length() + REQUEST_LINE_SPACES + prologue.uriPath().rawPath().length()
                + VERSION + CRLF;
        if (prologue.hasQuery()) {
            size += QUERY_MARK + prologue.query().rawValue().length();
        }
        if (prologue.fragment().hasValue()) {
            size += FRAGMENT_MARK + prologue.fragment().rawValue().length();
        }
        for (Header header : request.headers()) {
            for (String value : header.allValues()) {
                size += header.name().length() + NAME_VALUE_SEPARATOR + value.length() + CRLF;
            }
        }
        return size + CRLF;
    }
}
