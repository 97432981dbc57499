package concbench.loom;

import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import concbench.contract.ServerImplementation;

/** A virtual thread per request and per back-end call, plain blocking code: Helidon WebServer 4 SE. */
public final class LoomImplementation implements ServerImplementation {
    static final String NAME = "loom";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunningServer start(ServerConfig config) {
        return LoomServer.start(config);
    }
}
