package concbench.vertx;

import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import concbench.contract.ServerImplementation;

/** The event loop + futures model: Vert.x 5 core, one verticle per event loop. */
public final class VertxImplementation implements ServerImplementation {
    /** Sent in the {@code Server} header and used on the command line. */
    static final String NAME = "vertx";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunningServer start(ServerConfig config) throws Exception {
        return VertxServer.start(config);
    }
}
