package concbench.runner;

import concbench.contract.Variant;
import java.util.List;
import java.util.Map;

/**
 * One (implementation, scenario, trial): the file {@code <implementation>-<scenario>-<trial>.json} of a run, where
 * the implementation is written as its variant's file id ({@link Variant#fileId()}, e.g. {@code loom+client=jdk}).
 * {@code results/README.md} documents every field.
 *
 * @param implementation   the variant's full name, e.g. {@code netty} or {@code loom:client=jdk}
 * @param serverOptions    the server options the variant sets, e.g. {@code client: jdk}; empty for the defaults
 * @param serverProperties the system properties of {@code config/<implementation>.properties} the server ran with
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
        Map<String, String> serverOptions,
        Map<String, String> serverProperties,
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

    /** {@code <variant file id>-<scenario>-<trial>}: the trial file's name without {@code .json}, and its logs'. */
    static String id(String implementation, String scenario, int trial) {
        return Variant.parse(implementation).fileId() + "-" + scenario + "-" + trial;
    }

    /** The name of this trial's file in its run folder. */
    public String fileName() {
        return id(implementation, scenario, trial) + ".json";
    }

    public boolean ok() {
        return OK.equals(status);
    }
}
