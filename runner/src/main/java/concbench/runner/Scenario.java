package concbench.runner;

import concbench.formats.Profile;
import concbench.gatling.names.Simulations;
import java.util.List;
import java.util.Locale;

/** The two scenarios every server serves, and the Gatling simulation that loads each. */
public enum Scenario {
    HELLO(Simulations.HELLO),
    FANOUT(Simulations.FANOUT);

    /** The fan-out's D during a run: the contract's suggested default, the same for every server and width. */
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

    /**
     * The rates of this scenario's latency ladder in {@code profile}, ascending, requests per second.
     *
     * @param width the fan-out's calls a request; ignored for hello
     */
    public List<Integer> rates(Profile profile, int width) {
        return this == HELLO ? profile.helloRates() : profile.fanoutRates(width);
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
