package concbench.runner.gatling;

import concbench.formats.PhaseStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every phase's numbers from one {@code simulation.log}, read in one pass.
 *
 * @param run                   the log's run record: Gatling version, simulation, start
 * @param phases                the phases by name, in the order they ran
 * @param errorsOutsideRequests errors Gatling logged outside any request, by message with their counts; a sound
 *                              run has none
 */
public record SimulationStats(SimulationLog.Run run, Map<String, PhaseStats> phases,
        Map<String, Long> errorsOutsideRequests) {

    public SimulationStats {
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
        errorsOutsideRequests = Map.copyOf(errorsOutsideRequests);
    }

    public static SimulationStats read(Path simulationLog) throws IOException {
        return merge(List.of(new HostLog(simulationLog, 0)));
    }

    /**
     * One load generator's {@code simulation.log} in a run on several machines.
     *
     * @param clockOffsetMs its host's clock minus the runner's: its records are moved back by it, onto the
     *                      runner's clock, so that every host's records of a phase share one time line
     */
    public record HostLog(Path simulationLog, long clockOffsetMs) {
    }

    /**
     * The phases of several load generators' logs as one run's: every record rebased on its log's own run start
     * and that host's clock offset (its log's start, less the offset, is where its records begin on the runner's
     * clock), then counted into the one accumulator of its phase, so that counts add up, the latency histograms
     * merge and throughput is over the merged window, from the first host's first record to the last one's last.
     * The run record is the earliest log's.
     */
    public static SimulationStats merge(List<HostLog> logs) throws IOException {
        Map<String, PhaseAccumulator> accumulators = new LinkedHashMap<>();
        Map<String, Long> errors = new TreeMap<>();
        SimulationLog.Run first = null;
        for (HostLog log : logs) {
            long offset = log.clockOffsetMs();
            SimulationLog.Run run = SimulationLog.read(log.simulationLog(), record -> {
                switch (record) {
                    case RequestRecord request -> accumulators.computeIfAbsent(request.name(),
                            PhaseAccumulator::new).add(new RequestRecord(request.name(),
                            request.startMs() - offset, request.endMs() - offset, request.ok(), request.message()));
                    case ErrorRecord error -> errors.merge(error.message(), 1L, Long::sum);
                }
            });
            if (first == null || run.startMs() - offset < first.startMs()) {
                first = run.startedAt(run.startMs() - offset);
            }
        }
        Map<String, PhaseStats> phases = new LinkedHashMap<>();
        accumulators.values().stream()
                .map(PhaseAccumulator::stats)
                .sorted(Comparator.comparingLong(PhaseStats::windowStartMs))
                .forEach(stats -> phases.put(stats.phase(), stats));
        return new SimulationStats(first, phases, errors);
    }
}
