package concbench.undertow;

import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import concbench.contract.ServerImplementation;

/** The thread-per-request model: Undertow's I/O threads hand every request to a blocking worker pool. */
public final class UndertowImplementation implements ServerImplementation {
    /** The short name on the command line and in the {@code Server} header. */
    static final String NAME = "undertow";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunningServer start(ServerConfig config) throws Exception {
        return UndertowServer.start(config);
    }
}
