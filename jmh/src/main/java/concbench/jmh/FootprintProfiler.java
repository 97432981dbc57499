package concbench.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the memory per waiting task that {@link MemoryPerWaitingTask} measured, as three secondary results
 * averaged over iterations and forks, with their error. (JMH's {@code @AuxCounters} would sum them instead:
 * they count events.) Enabled with {@code -prof concbench.jmh.FootprintProfiler}, which {@code ./bench jmh}
 * always passes; the other benchmarks record nothing and get nothing from it.
 */
public final class FootprintProfiler implements InternalProfiler {
    static final String UNIT = "B/task";

    private static volatile boolean enabled;
    private static volatile MemorySnapshot perTask;

    public FootprintProfiler() {
        enabled = true;
    }

    static boolean enabled() {
        return enabled;
    }

    /** Called by the benchmark, once per operation, with what grew per waiting task. */
    static void record(MemorySnapshot growthPerTask) {
        perTask = growthPerTask;
    }

    @Override
    public String getDescription() {
        return "bytes per waiting task (live heap, native, resident set), measured by MemoryPerWaitingTask";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        perTask = null;
    }

    @Override
    public Collection<ScalarResult> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        MemorySnapshot measured = perTask;
        if (measured == null) {
            return List.of();
        }
        List<ScalarResult> results = new ArrayList<>();
        add(results, "heapBytes", measured.heapBytes());
        add(results, "nativeBytes", measured.nativeBytes());
        add(results, "rssBytes", measured.rssBytes());
        return results;
    }

    /** A view this JVM cannot take (NaN: no NMT, or not Linux) is left out rather than reported as a number. */
    private static void add(List<ScalarResult> results, String label, double bytes) {
        if (!Double.isNaN(bytes)) {
            results.add(new ScalarResult(label, bytes, UNIT, AggregationPolicy.AVG));
        }
    }
}
