package concbench.runner.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSplitTest {
    @Test
    void dividesEveryFigureAndGivesTheRemainderToTheFirstHosts() {
        LoadSplit split = LoadSplit.of(List.of("loadgen-1", "loadgen-2", "loadgen-3"), List.of(16, 64),
                List.of(500, 1000), 16);
        assertEquals(List.of(List.of(6, 22), List.of(5, 21), List.of(5, 21)), split.levelUsers());
        assertEquals(List.of(List.of(167, 334), List.of(167, 333), List.of(166, 333)), split.rates());
        assertEquals(List.of(6, 5, 5), split.warmupUsers());
    }

    @Test
    void oneHostTakesTheWholeLoad() {
        LoadSplit split = LoadSplit.of(List.of("loadgen-1"), List.of(16, 64), List.of(500), 16);
        assertEquals(List.of(List.of(16, 64)), split.levelUsers());
        assertEquals(List.of(List.of(500)), split.rates());
    }

    @Test
    void refusesAFigureThatLeavesAHostWithout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadSplit.of(List.of("loadgen-1", "loadgen-2"), List.of(1, 64), List.of(500), 16));
        assertEquals("a sweep level (1) is smaller than the 2 loadgen hosts: each needs at least 1", e.getMessage());
    }
}
