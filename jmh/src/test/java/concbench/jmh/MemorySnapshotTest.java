package concbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The views a JVM without Native Memory Tracking can take are numbers; the one it cannot take is NaN, not 0. */
class MemorySnapshotTest {
    private static final int TASKS = 4;

    @Test
    void heapAndResidentSetAreMeasuredNativeIsNotWithoutTracking() {
        MemorySnapshot snapshot = MemorySnapshot.take();
        assertTrue(snapshot.heapBytes() > 0);
        assertTrue(snapshot.rssBytes() > snapshot.heapBytes() || Double.isNaN(snapshot.rssBytes()));
        assertTrue(Double.isNaN(snapshot.nativeBytes()));
    }

    @Test
    void growthIsPerTask() {
        MemorySnapshot before = new MemorySnapshot(1000, 2000, 3000);
        MemorySnapshot after = new MemorySnapshot(1400, 2800, 3400);
        assertEquals(new MemorySnapshot(100, 200, 100), after.growthSince(before, TASKS));
    }
}
