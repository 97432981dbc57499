package concbench.netty;

import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import concbench.contract.ServerImplementation;

/** The event-loop-plus-callbacks model, registered for discovery. */
public final class NettyImplementation implements ServerImplementation {
    public static final String NAME = "netty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunningServer start(ServerConfig config) throws InterruptedException {
        return NettyServer.start(config);
    }
}
