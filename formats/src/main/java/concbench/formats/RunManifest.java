package concbench.formats;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.List;

/**
 * {@code run.json}: what a run measured, on what, with which settings, and how it ended. Written when the run
 * starts ({@code running}) and again when it ends ({@code complete} or {@code interrupted}), listing the trial
 * files it finished.
 *
 * @param pinned      whether the processes were pinned to the {@code cpuLayout} (taskset present)
 * @param warnings    what makes these numbers less trustworthy (shared CPUs, no pinning)
 * @param trialFiles  the trial result files finished, in the order they ran
 * @param fanoutCalls the fan-out widths the run measured, N of its fan-out requests, each a row of its own; runs
 *                    recorded before widths hold one number (10), read as a list of one
 * @param topology    in a run on several machines ({@code --hosts}), every host with its role, hardware, JDK, clock
 *                    offset and, for a load generator, its round trip to the server; null on one machine
 */
public record RunManifest(
        int formatVersion,
        String status,
        String startedAt,
        String finishedAt,
        Environment environment,
        Profile profile,
        List<String> implementations,
        List<String> scenarios,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Integer> fanoutCalls,
        int fanoutDelayMs,
        CpuLayout cpuLayout,
        boolean pinned,
        List<String> warnings,
        List<String> serverJvmFlags,
        List<String> trialFiles,
        int failedTrials,
        List<HostRecord> topology) {

    public static final String FILE = "run.json";
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String INTERRUPTED = "interrupted";

    /** A run on one machine. */
    public RunManifest(int formatVersion, String status, String startedAt, String finishedAt, Environment environment,
            Profile profile, List<String> implementations, List<String> scenarios, List<Integer> fanoutCalls,
            int fanoutDelayMs, CpuLayout cpuLayout, boolean pinned, List<String> warnings, List<String> serverJvmFlags,
            List<String> trialFiles, int failedTrials) {
        this(formatVersion, status, startedAt, finishedAt, environment, profile, implementations, scenarios,
                fanoutCalls, fanoutDelayMs, cpuLayout, pinned, warnings, serverJvmFlags, trialFiles, failedTrials,
                null);
    }

    /** The same run on the hosts of {@code newTopology}. */
    public RunManifest on(List<HostRecord> newTopology) {
        return new RunManifest(formatVersion, status, startedAt, finishedAt, environment, profile, implementations,
                scenarios, fanoutCalls, fanoutDelayMs, cpuLayout, pinned, warnings, serverJvmFlags, trialFiles,
                failedTrials, newTopology);
    }

    /** This run ended: its status, when, and the trials it finished. */
    public RunManifest finished(String endStatus, List<TrialResult> results) {
        return new RunManifest(formatVersion, endStatus, startedAt, Instant.now().toString(), environment, profile,
                implementations, scenarios, fanoutCalls, fanoutDelayMs, cpuLayout, pinned, warnings, serverJvmFlags,
                results.stream().map(TrialResult::fileName).toList(),
                (int) results.stream().filter(r -> !r.ok()).count(), topology);
    }
}
