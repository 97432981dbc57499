package concbench.runner;

import java.util.List;
import java.util.Map;

/**
 * One (implementation, scenario, trial): the file {@code <implementation>-<scenario>-<trial>.json} of a run.
 * {@code results/README.md} documents every field.
 *
 * @param status        {@code ok}, or {@code failed} with {@code failure} saying why and {@code logTail} the
 *                      server's last output
 * @param gatlingReport Gatling's own HTML report for this trial, relative to the run folder
 * @param gatlingErrors errors Gatling logged outside any request, with their counts; a sound trial has none
 */
public record TrialResult(
        int formatVersion,
        String implementation,
        String scenario,
        int trial,
        String status,
        String failure,
        String logTail,
        String startedAt,
        String finishedAt,
        String gatlingReport,
        Map<String, Long> gatlingErrors,
        List<PhaseResult> phases) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    static String fileName(String implementation, Scenario scenario, int trial) {
        return implementation + "-" + scenario.label() + "-" + trial + ".json";
    }

    public boolean ok() {
        return OK.equals(status);
    }
}
