package concbench.runner;

import concbench.formats.Profile;
import java.util.Locale;

/** The two scenarios every server serves, and the Gatling simulation that loads each. */
public enum Scenario {
    HELLO("concbench.gatling.HelloSimulation"),
    FANOUT("concbench.gatling.FanoutSimulation");

    /** The fan-out's N and D during a run: the contract's suggested defaults, the same for every server. */
    public static final int FANOUT_CALLS = 10;
    public static final int FANOUT_DELAY_MS = 20;

    private final String simulation;

    Scenario(String simulation) {
        this.simulation = simulation;
    }

    public String simulation() {
        return simulation;
    }

    /** The name on the command line and in results, e.g. {@code fanout}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fixed arrival rate of this scenario's latency run in {@code profile}, requests per second. */
    public int rate(Profile profile) {
        return this == HELLO ? profile.helloRate() : profile.fanoutRate();
    }

    /** @throws IllegalArgumentException naming the scenarios there are */
    public static Scenario named(String name) {
        for (Scenario scenario : values()) {
            if (scenario.label().equals(name)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "'; choose hello or fanout");
    }
}
