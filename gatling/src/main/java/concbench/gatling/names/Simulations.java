package concbench.gatling.names;

/**
 * The simulations by class name, for the runner, which starts Gatling with {@code --simulation NAME} and never
 * loads a simulation class itself (Gatling is not on its class path). {@code SimulationsTest} checks each names
 * a simulation of this module.
 */
public final class Simulations {
    public static final String HELLO = "concbench.gatling.HelloSimulation";
    public static final String FANOUT = "concbench.gatling.FanoutSimulation";
    /** The back end itself, through the same phases: the measurement floor. */
    public static final String FLOOR = "concbench.gatling.FloorSimulation";

    private Simulations() {
    }
}
