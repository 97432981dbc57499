package concbench.gatling;

import static io.gatling.javaapi.http.HttpDsl.http;

import concbench.contract.Contract;

/**
 * The fan-out scenario: {@code GET /fanout?n=N&delayMs=D}, each request waiting on N concurrent calls to the slow
 * back end, with N and D from the {@code calls} and {@code delayMs} properties.
 */
public final class FanoutSimulation extends PhasedSimulation {
    public FanoutSimulation() {
        super((phase, profile) -> http(phase).get(Contract.FANOUT_PATH
                + "?" + Contract.CALLS_PARAM + "=" + profile.calls()
                + "&" + Contract.DELAY_PARAM + "=" + profile.delayMs()));
    }
}
