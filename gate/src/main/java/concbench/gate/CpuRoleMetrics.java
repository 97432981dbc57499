package concbench.gate;

import concbench.formats.ThreadRole;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server CPU per request of each thread role ({@code cpuPerRequest.request}, {@code cpuPerRequest.compiler},
 * ...): shown beside the total so a change in {@code cpuPerRequest} names the threads that made it, but never
 * judged on their own. The total gates; its parts would only add rows that can cry wolf.
 */
final class CpuRoleMetrics {
    static final Map<ThreadRole, Measure> MEASURES = measures();

    private CpuRoleMetrics() {
    }

    private static Map<ThreadRole, Measure> measures() {
        Map<ThreadRole, Measure> measures = new LinkedHashMap<>();
        Arrays.stream(ThreadRole.values()).forEach(role -> measures.put(role, new Measure(
                Measure.CPU_PER_REQUEST + "." + role.key(), Measure.CPU.unit(), Measure.CPU.better(),
                Measure.CPU.evidence(), Measure.CPU.resolution())));
        return Collections.unmodifiableMap(measures);
    }

    static boolean isRole(Measure measure) {
        return MEASURES.containsValue(measure);
    }
}
