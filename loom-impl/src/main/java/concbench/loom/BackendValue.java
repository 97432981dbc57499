package concbench.loom;

import concbench.contract.Contract;

/** The body of a back-end answer as the fan-out's value, whichever client read it. */
final class BackendValue {
    private BackendValue() {
    }

    static long parse(String body) throws BackendClient.BackendException {
        try {
            return Contract.parseBackendValue(body);
        } catch (NumberFormatException e) {
            throw new BackendClient.BackendException("body is not a number");
        }
    }
}
