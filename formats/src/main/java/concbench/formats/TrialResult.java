package concbench.formats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import concbench.contract.Variant;
import java.util.List;
import java.util.Map;

/**
 * One (implementation, scenario, trial): the file {@code <implementation>-<scenario>-<trial>.json} of a run, where
 * the implementation is written as its variant's file id ({@link Variant#fileId()}, e.g. {@code loom+client=jdk}).
 * {@code results/README.md} documents every field.
 *
 * @param implementation   the variant's full name, e.g. {@code netty} or {@code loom:client=jdk}, or {@value #FLOOR}:
 *                         the back end itself measured the same way, the floor of what this machine can measure
 * @param serverOptions    the server options the variant sets, e.g. {@code client: jdk}; empty for the defaults
 * @param serverProperties the system properties of {@code config/<implementation>.properties} the server ran with
 * @param status           {@code ok}, or {@code failed} with {@code failure} saying why and {@code logTail} the
 *                         server's last output
 * @param gatlingReport    Gatling's own HTML report for this trial, relative to the run folder
 * @param gatlingErrors    errors Gatling logged outside any request, with their counts; a sound trial has none
 * @param warmup           how long the warm-up took and whether the server reached steady state; null for a trial
 *                         that failed before it, and in results of version 1
 * @param threadRoles      the implementation's own thread-name patterns by role, as its jar declared them; null in
 *                         results of version 1
 * @param fanoutCalls      N, the back-end calls of each fan-out request (the fan-out width); null for hello, and in
 *                         fan-out trials written before widths were a dimension, which all ran {@value
 *                         #UNRECORDED_FANOUT_CALLS} calls ({@link #width()} reads them so)
 * @param ladder           the rates of the latency ladder and where the server could not keep up; null for a trial
 *                         that failed, and in results written before the ladder (one fixed rate)
 * @param loadgens         in a run on several machines, each load generator host's share of the load and the
 *                         requests of each phase its own {@code simulation.log} recorded; null on one machine
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
        List<PhaseResult> phases,
        Warmup warmup,
        Map<String, String> threadRoles,
        Integer fanoutCalls,
        Ladder ladder,
        List<LoadgenShare> loadgens) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    /** The implementation name of the measurement floor's trials. */
    public static final String FLOOR = "floor";
    /** The scenario name of the fan-out scenario, as results write it. */
    public static final String FANOUT = "fanout";
    /** The width of every fan-out trial written before {@code fanoutCalls} was recorded: the contract's default. */
    public static final int UNRECORDED_FANOUT_CALLS = 10;

    /** A trial on one machine. */
    public TrialResult(int formatVersion, String implementation, String scenario, int trial,
            Map<String, String> serverOptions, Map<String, String> serverProperties, String status, String failure,
            String logTail, String startedAt, String finishedAt, String gatlingReport, Map<String, Long> gatlingErrors,
            List<PhaseResult> phases, Warmup warmup, Map<String, String> threadRoles, Integer fanoutCalls,
            Ladder ladder) {
        this(formatVersion, implementation, scenario, trial, serverOptions, serverProperties, status, failure, logTail,
                startedAt, finishedAt, gatlingReport, gatlingErrors, phases, warmup, threadRoles, fanoutCalls, ladder,
                null);
    }

    /** A trial as results of version 1 recorded it. */
    public TrialResult(int formatVersion, String implementation, String scenario, int trial, String status,
            String failure, String logTail, String startedAt, String finishedAt, String gatlingReport,
            Map<String, Long> gatlingErrors, List<PhaseResult> phases) {
        this(formatVersion, implementation, scenario, trial, Map.of(), Map.of(), status, failure, logTail, startedAt,
                finishedAt, gatlingReport, gatlingErrors, phases, null, null, null, null);
    }

    /** A trial as results of version 2 recorded it before the fan-out width and the ladder. */
    public TrialResult(int formatVersion, String implementation, String scenario, int trial,
            Map<String, String> serverOptions, Map<String, String> serverProperties, String status, String failure,
            String logTail, String startedAt, String finishedAt, String gatlingReport, Map<String, Long> gatlingErrors,
            List<PhaseResult> phases, Warmup warmup, Map<String, String> threadRoles) {
        this(formatVersion, implementation, scenario, trial, serverOptions, serverProperties, status, failure, logTail,
                startedAt, finishedAt, gatlingReport, gatlingErrors, phases, warmup, threadRoles, null, null);
    }

    /**
     * {@code <variant file id>-<scenario key>-<trial>}: the trial file's name without {@code .json}, and its logs'.
     *
     * @param scenarioKey {@link #scenarioKey(String, int)}: {@code hello}, {@code fanout100}
     */
    public static String id(String implementation, String scenarioKey, int trial) {
        return Variant.parse(implementation).fileId() + "-" + scenarioKey + "-" + trial;
    }

    /**
     * What a row of the report and the gate is keyed by besides the implementation: the scenario, and for fan-out
     * its width, e.g. {@code hello}, {@code fanout10}, {@code fanout100}. Also the scenario part of file names.
     *
     * @param width the fan-out's calls, ignored for hello
     */
    public static String scenarioKey(String scenario, int width) {
        return FANOUT.equals(scenario) ? FANOUT + width : scenario;
    }

    /** This trial's {@link #scenarioKey(String, int)}. */
    @JsonIgnore
    public String scenarioKey() {
        return scenarioKey(scenario, width());
    }

    /**
     * The fan-out width: {@code fanoutCalls}, or {@value #UNRECORDED_FANOUT_CALLS} where none was recorded; 0 for
     * hello.
     */
    @JsonIgnore
    public int width() {
        if (!FANOUT.equals(scenario)) {
            return 0;
        }
        return fanoutCalls == null ? UNRECORDED_FANOUT_CALLS : fanoutCalls;
    }

    /**
     * The name of this trial's file in its run folder: named after its scenario key ({@code netty-fanout100-1.json});
     * a fan-out trial of a run from before the widths, which recorded no width, keeps its file's name
     * ({@code netty-fanout-1.json}) so that what copies or pools it finds it.
     */
    public String fileName() {
        return id(implementation, fanoutCalls == null ? scenario : scenarioKey(), trial) + ".json";
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** The measurement floor's trial, not a server's. */
    @JsonIgnore
    public boolean isFloor() {
        return FLOOR.equals(implementation);
    }

    /** A trial whose warm-up ran out of time before the server was warm: JIT work may be in its numbers. */
    @JsonIgnore
    public boolean notWarm() {
        return warmup != null && !warmup.steadyState();
    }

    /**
     * Why the trial's ladder ended ({@link Ladder#saturation}), except where the load generator failed requests of
     * that step itself: then the step's records say why ({@link Ladder#why}), naming the generator, as the runner
     * now records it (results written before said "N request(s) failed" there). Null when the ladder kept every
     * rate, or the trial has none.
     */
    @JsonIgnore
    public String ladderEnd() {
        if (ladder == null || ladder.keptEveryRate()) {
            return null;
        }
        return Ladder.generatorsEnd(phases, ladder.saturatedRate()).orElse(ladder.saturation());
    }

    /** The same trial under another number, its Gatling report at another relative path ({@code ./bench ab}). */
    public TrialResult renumbered(int number, String report) {
        return new TrialResult(formatVersion, implementation, scenario, number, serverOptions, serverProperties, status,
                failure, logTail, startedAt, finishedAt, report, gatlingErrors, phases, warmup, threadRoles, fanoutCalls,
                ladder, loadgens);
    }
}
