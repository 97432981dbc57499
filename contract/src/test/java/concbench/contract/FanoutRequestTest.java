package concbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FanoutRequestTest {
    private final ServerConfig config = ServerConfig.defaults();

    @Test
    void absentParametersTakeTheServerDefaults() throws Exception {
        assertEquals(new FanoutRequest(10, 20), FanoutRequest.parse(null, config));
        assertEquals(new FanoutRequest(10, 20), FanoutRequest.parse("", config));
        assertEquals(new FanoutRequest(10, 20), FanoutRequest.parse("other=1", config));
    }

    @ParameterizedTest
    @CsvSource({"n=1&delayMs=0,1,0", "n=1000&delayMs=10000,1000,10000", "delayMs=5&n=7,7,5",
            "n=3&n=900,3,20", "n=007,7,20"})
    void acceptsEveryValueWithinTheBounds(String query, int calls, int delay) throws Exception {
        assertEquals(new FanoutRequest(calls, delay), FanoutRequest.parse(query, config));
    }

    @ParameterizedTest
    @ValueSource(strings = {"n=0", "n=1001", "n=-1", "n=+5", "n=abc", "n=", "n", "n=1.5", "n=99999999999",
            "n=%31", "n= 5"})
    void rejectsCallsThatAreNotAnIntegerWithinTheBounds(String query) {
        var e = assertThrows(InvalidParameterException.class, () -> FanoutRequest.parse(query, config));
        assertEquals("n must be an integer from 1 to 1000\n", e.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"delayMs=-1", "delayMs=10001", "delayMs=x", "delayMs="})
    void rejectsDelaysThatAreNotAnIntegerWithinTheBounds(String query) {
        var e = assertThrows(InvalidParameterException.class, () -> FanoutRequest.parse(query, config));
        assertEquals("delayMs must be an integer from 0 to 10000\n", e.body());
    }

    @Test
    void boundsComeFromTheServerConfig() throws Exception {
        ServerConfig narrow = ServerConfig.fromArgs("--max-calls", "5", "--calls", "2");
        assertEquals(new FanoutRequest(5, 20), FanoutRequest.parse("n=5", narrow));
        assertEquals(new FanoutRequest(2, 20), FanoutRequest.parse(null, narrow));
        assertThrows(InvalidParameterException.class, () -> FanoutRequest.parse("n=6", narrow));
    }
}
