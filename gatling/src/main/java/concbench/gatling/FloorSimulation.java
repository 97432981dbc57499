package concbench.gatling;

import static io.gatling.javaapi.http.HttpDsl.http;

import concbench.contract.Contract;

/**
 * The measurement floor: the same phases against the back end itself, {@code GET /delay?ms=D&i=1} with D from
 * {@code delayMs} (0 for the hello floor, the run's delay for the fan-out floor). The back end is a lean Netty
 * server that does next to nothing per request, so what Gatling measures here is the best this machine, its CPU
 * layout and this generator can measure: no server measured the same way can do better.
 */
public final class FloorSimulation extends PhasedSimulation {
    public FloorSimulation() {
        super((phase, profile) -> http(phase).get(Contract.delayPathAndQuery(profile.delayMs(), 1)));
    }
}
