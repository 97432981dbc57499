package concbench.runner;

import concbench.formats.Profile;
import concbench.formats.TrialResult;
import java.util.List;

/**
 * What one trial is of: an implementation or the floor, a scenario and for fan-out its width, a trial number.
 *
 * @param width null for hello
 */
record Trial(String implementation, Scenario scenario, Integer width, int trial) {

    /** @param width the fan-out's calls per request; ignored for hello */
    static Trial of(String implementation, Scenario scenario, int width, int trial) {
        return new Trial(implementation, scenario, scenario == Scenario.FANOUT ? width : null, trial);
    }

    String scenarioKey() {
        return TrialResult.scenarioKey(scenario.label(), width == null ? 0 : width);
    }

    /** {@code <implementation>-<scenario key>-<trial>}: its trial file's name without {@code .json}, and its logs'. */
    String id() {
        return TrialResult.id(implementation, scenarioKey(), trial);
    }

    boolean floor() {
        return implementation.equals(TrialResult.FLOOR);
    }

    List<Integer> rates(Profile profile) {
        return scenario.rates(profile, width == null ? 0 : width);
    }
}
