package concbench.loom;

import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import concbench.contract.ServerImplementation;
import concbench.contract.ServerOption;
import java.util.List;
import java.util.Map;

/** A virtual thread per request and per back-end call, plain blocking code: Helidon WebServer 4 SE. */
public final class LoomImplementation implements ServerImplementation {
    static final String NAME = "loom";
    static final String HELIDON_CLIENT = "helidon";
    static final String JDK_CLIENT = "jdk";
    /** Which client makes the back-end calls: Helidon's WebClient, or the JDK's HttpClient (README: why both). */
    static final ServerOption CLIENT = new ServerOption("client", "back-end HTTP client",
            List.of(HELIDON_CLIENT, JDK_CLIENT));

    @Override
    public String name() {
        return NAME;
    }

    /** The JDK property that sizes the pool of carrier threads every virtual thread runs on. */
    static final String CARRIERS_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    @Override
    public List<ServerOption> options() {
        return List.of(CLIENT);
    }

    /** The JDK's client beside Helidon's: what the choice of client costs, measured on the same server. */
    @Override
    public List<Map<String, String>> variants() {
        return List.of(Map.of(CLIENT.name(), JDK_CLIENT));
    }

    @Override
    public RunningServer start(ServerConfig config) {
        warnIfIoThreadsDiffer(config.ioThreads());
        return LoomServer.start(config, backendClient(config));
    }

    private static BackendClient backendClient(ServerConfig config) {
        return switch (CLIENT.valueIn(config)) {
            case JDK_CLIENT -> new JdkBackendClient(config.backend(), config.backendConnections());
            default -> new HelidonBackendClient(config.backend(), config.backendConnections());
        };
    }

    /**
     * Helidon has no event loop and so no I/O-thread setting: all code, I/O included, runs on the JVM's carrier
     * threads, one per CPU unless {@value #CARRIERS_PROPERTY} says otherwise. That is a JVM flag, read once when
     * the first virtual thread starts, so a server cannot set it; it can only say when it differs from the option.
     */
    private static void warnIfIoThreadsDiffer(int ioThreads) {
        int carriers = Integer.getInteger(CARRIERS_PROPERTY, Runtime.getRuntime().availableProcessors());
        if (ioThreads != carriers) {
            System.getLogger(LoomImplementation.class.getName()).log(System.Logger.Level.WARNING,
                    "--io-threads " + ioThreads + " has no effect: virtual threads run on " + carriers
                            + " carrier threads; start the JVM with -D" + CARRIERS_PROPERTY + "=" + ioThreads);
        }
    }
}
