package concbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoadProfileTest {
    @Test
    void everyParameterHasItsDefault() {
        LoadProfile profile = LoadProfile.from(new Properties());
        assertEquals(new LoadProfile(URI.create("http://127.0.0.1:8080"), 10, 16, List.of(16, 64, 256), 20, List.of(500), 30,
                10, 20), profile);
    }

    @Test
    void readsEveryParameter() {
        LoadProfile profile = LoadProfile.from(properties(Map.of(
                "target", "http://127.0.0.1:41234", "warmupSeconds", "2", "warmupUsers", "3", "levels", "1, 4,9",
                "levelSeconds", "5", "rates", "250,500", "rateSeconds", "6", "calls", "100", "delayMs", "0")));
        assertEquals(new LoadProfile(URI.create("http://127.0.0.1:41234"), 2, 3, List.of(1, 4, 9), 5, List.of(250, 500), 6, 100,
                0),
                profile);
    }

    @Test
    void aBadValueNamesItsProperty() {
        Map<String, String> bad = Map.of(
                "target", "ftp://127.0.0.1",
                "warmupSeconds", "0",
                "levels", "16,,64",
                "rates", "fast",
                "delayMs", "-1");
        bad.forEach((name, value) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LoadProfile.from(properties(Map.of(name, value))), name);
            assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
        });
    }

    @Test
    void aLevelRunsOnce() {
        // Each level is a phase named after it: a repeated level would merge two phases into one.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadProfile.from(properties(Map.of("levels", "16,64,16"))));
        assertTrue(e.getMessage().contains("repeats"), e.getMessage());
    }

    @Test
    void theLadderClimbs() {
        // Each rate is a phase named after it, and the ladder ends at the first rate a server cannot keep.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadProfile.from(properties(Map.of("rates", "500,1000,1000"))));
        assertTrue(e.getMessage().contains("rise"), e.getMessage());
    }

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }
}
