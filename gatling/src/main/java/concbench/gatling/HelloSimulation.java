package concbench.gatling;

import static io.gatling.javaapi.http.HttpDsl.http;

import concbench.contract.Contract;

/** The hello scenario: {@code GET /hello}, the cost of the concurrency model itself. */
public final class HelloSimulation extends PhasedSimulation {
    public HelloSimulation() {
        super((phase, profile) -> http(phase).get(Contract.HELLO_PATH));
    }
}
