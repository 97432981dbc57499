package concbench.runner;

import concbench.formats.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a run: a scenario, and for fan-out one of its widths. Each row is measured for every implementation,
 * has trial files of its own ({@link TrialResult#scenarioKey()}) and rows of its own in the report and the gate.
 *
 * @param width the fan-out's calls per request; 0 for hello
 */
record ScenarioRow(Scenario scenario, int width) {

    /** Every scenario in order, fan-out once per width, the narrowest first. */
    static List<ScenarioRow> of(List<Scenario> scenarios, List<Integer> widths) {
        List<ScenarioRow> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (scenario == Scenario.FANOUT) {
                widths.forEach(width -> rows.add(new ScenarioRow(scenario, width)));
            } else {
                rows.add(new ScenarioRow(scenario, 0));
            }
        }
        return List.copyOf(rows);
    }

    /** {@code hello}, {@code fanout100}: as in the trial files' names. */
    String key() {
        return TrialResult.scenarioKey(scenario.label(), width);
    }
}
