package concbench.gatling.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PhaseNameTest {
    @Test
    void parsesWhatItWrites() {
        for (PhaseName name : new PhaseName[] {PhaseName.WARMUP, PhaseName.sweep(64), PhaseName.rate(500)}) {
            assertEquals(name, PhaseName.parse(name.toString()));
        }
        assertEquals("sweep-64", PhaseName.sweep(64).toString());
        assertEquals("rate-500", PhaseName.rate(500).toString());
        assertEquals(new PhaseName(PhaseName.Kind.SWEEP, 256), PhaseName.parse("sweep-256"));
    }

    @Test
    void refusesAnyOtherName() {
        for (String name : new String[] {"", "warmup-1", "sweep", "sweep-", "sweep-0", "sweep-064", "rate--5",
                "rate-1.5", "Rate-5", "sweep-1234567890", "hello"}) {
            assertThrows(IllegalArgumentException.class, () -> PhaseName.parse(name), name);
        }
    }
}
