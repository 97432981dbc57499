package concbench.gatling.names;

import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.gatling.PhasedSimulation;
import org.junit.jupiter.api.Test;

class SimulationsTest {
    @Test
    void everyNameIsASimulationOfThisModule() throws ClassNotFoundException {
        for (String name : new String[] {Simulations.HELLO, Simulations.FANOUT, Simulations.FLOOR}) {
            // Not initialised: a simulation reads its system properties when it is built.
            Class<?> simulation = Class.forName(name, false, getClass().getClassLoader());
            assertTrue(PhasedSimulation.class.isAssignableFrom(simulation), name);
        }
    }
}
