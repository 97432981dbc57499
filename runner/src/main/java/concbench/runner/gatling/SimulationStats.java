package concbench.runner.gatling;

import concbench.formats.PhaseStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
        Map<String, PhaseAccumulator> accumulators = new LinkedHashMap<>();
        Map<String, Long> errors = new TreeMap<>();
        SimulationLog.Run run = SimulationLog.read(simulationLog, record -> {
            switch (record) {
                case RequestRecord request ->
                        accumulators.computeIfAbsent(request.name(), PhaseAccumulator::new).add(request);
                case ErrorRecord error -> errors.merge(error.message(), 1L, Long::sum);
            }
        });
        Map<String, PhaseStats> phases = new LinkedHashMap<>();
        accumulators.values().stream()
                .map(PhaseAccumulator::stats)
                .sorted(Comparator.comparingLong(PhaseStats::windowStartMs))
                .forEach(stats -> phases.put(stats.phase(), stats));
        return new SimulationStats(run, phases, errors);
    }
}
