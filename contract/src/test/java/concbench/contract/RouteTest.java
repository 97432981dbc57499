package concbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {
    @ParameterizedTest
    @CsvSource({"GET,/hello,HELLO", "GET,/fanout,FANOUT", "POST,/hello,METHOD_NOT_ALLOWED",
            "HEAD,/fanout,METHOD_NOT_ALLOWED", "get,/hello,METHOD_NOT_ALLOWED", "GET,/,NOT_FOUND",
            "POST,/nope,NOT_FOUND", "GET,/hello/,NOT_FOUND", "GET,/HELLO,NOT_FOUND"})
    void routesByExactPathThenMethod(String method, String path, Route expected) {
        assertEquals(expected, Route.of(method, path));
    }
}
