package concbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LadderTest {
    @TempDir
    Path dir;

    @Test
    void aKeptStepLetsTheNextOneRun() {
        Ladder ladder = new Ladder(List.of(100, 200), dir.resolve("end"));
        for (int i = 0; i < 5; i++) {
            assertTrue(ladder.sends(0));
            ladder.answered(0, false);
        }
        assertTrue(ladder.sends(1), "every request of the first step answered, none failed");
        assertNull(ladder.end());
        assertFalse(Files.exists(dir.resolve("end")));
    }

    @Test
    void aFailedRequestEndsTheLadderAtItsStepAndSaysSo() throws Exception {
        Path end = dir.resolve("end");
        Ladder ladder = new Ladder(List.of(100, 200, 400), end);
        assertTrue(ladder.sends(0));
        ladder.answered(0, false);
        assertTrue(ladder.sends(0));
        ladder.answered(0, true);
        assertFalse(ladder.sends(1), "the next step's first user stops the load generator instead of sending");
        assertFalse(ladder.sends(2));
        assertEquals("100 1 request(s) failed", ladder.end());
        assertEquals("100 1 request(s) failed\n", Files.readString(end), "the runner reads where and why");
    }

    @Test
    void aStepIsCutShortOnceItsBacklogOutgrowsItsArrivals() {
        Ladder ladder = new Ladder(List.of(5), null);
        // At 5 req/s two seconds of arrivals are 10 requests, the least backlog a step may always have.
        for (int i = 0; i < Ladder.MIN_BACKLOG; i++) {
            assertTrue(ladder.sends(0), "request " + i);
        }
        assertFalse(ladder.sends(0), "the server answers nothing: the step is cut");
        assertTrue(ladder.end().startsWith("5 the server fell behind: 11 requests unanswered"), ladder.end());
    }
}
