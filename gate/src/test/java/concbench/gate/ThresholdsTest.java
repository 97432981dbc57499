package concbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    @Test
    void tenPercentUnlessGivenAndAnyRiseOfErrors() {
        Thresholds thresholds = Thresholds.parse(List.of("throughput=5", "p99=20"));
        assertEquals(5, thresholds.of("throughput"));
        assertEquals(20, thresholds.of("p99"));
        assertEquals(10, thresholds.of("p50"));
        assertEquals(10, thresholds.of("score"));
        assertEquals(0, thresholds.of("errorRate"));
        assertTrue(thresholds.describe().startsWith("throughput 5%, p50 10%, p90 10%, p99 20%"), thresholds.describe());
    }

    @Test
    void badSettingsAreNamed() {
        for (String bad : List.of("throughput", "speed=5", "p99=-1", "p99=x", "p99=Infinity")) {
            String message = assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(List.of(bad)))
                    .getMessage();
            assertTrue(message.startsWith("--threshold"), message);
        }
        assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(List.of("p99=1", "p99=2")));
    }
}
