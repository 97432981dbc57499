package concbench.gate;

import concbench.formats.Comparison.Side;
import concbench.formats.JmhResults.Benchmark;
import concbench.formats.JmhResults.Metric;
import concbench.formats.JmhResults;
import java.util.ArrayList;
import java.util.List;

/**
 * One score of {@code jmh.json} as the gate judges it: a benchmark's primary score with its 99.9% confidence
 * interval and the mean of each fork.
 *
 * <p>A secondary result in bytes per something ({@code B/task}, from {@code concbench.jmh.FootprintProfiler}) is a
 * memory footprint, and becomes a score of its own named {@code <benchmark>:<result>}: it is what such a benchmark
 * measures, while its primary score only times the measuring (full GCs included), so that one is marked
 * {@code timesAFootprint} and never gates.
 *
 * @param benchmark       the benchmark without its package, e.g. {@code SpawnAndJoin.virtualThreadPerTask}
 * @param params          the parameters as {@link Benchmark#paramsText()} writes them; "" when none
 * @param timesAFootprint the primary score of a benchmark that measures memory: a time that means nothing
 */
record JmhScore(String benchmark, String mode, String params, Metric metric, boolean timesAFootprint) {
    /** The unit of a footprint: bytes per task, per connection... */
    static final String BYTES_PER = "B/";

    static List<JmhScore> of(JmhResults results) {
        List<JmhScore> scores = new ArrayList<>();
        for (Benchmark run : results.runs()) {
            List<JmhScore> footprints = new ArrayList<>();
            run.secondary().forEach((name, metric) -> {
                if (metric.unit().startsWith(BYTES_PER)) {
                    footprints.add(new JmhScore(run.shortName() + ":" + name, run.mode(), run.paramsText(), metric,
                            false));
                }
            });
            scores.add(new JmhScore(run.shortName(), run.mode(), run.paramsText(), run.primary(),
                    !footprints.isEmpty()));
            scores.addAll(footprints);
        }
        return scores;
    }

    String unit() {
        return metric.unit();
    }

    boolean hasInterval() {
        return metric.hasInterval();
    }

    /** JMH's score with its interval, or the score alone without one; each fork's mean the trials of this side. */
    Side side() {
        List<Double> forkMeans = metric.forkMeans().isEmpty() ? List.of(metric.score()) : metric.forkMeans();
        return hasInterval() ? new Side(forkMeans, metric.score(), metric.low(), metric.high())
                : new Side(forkMeans, metric.score(), metric.score(), metric.score());
    }
}
