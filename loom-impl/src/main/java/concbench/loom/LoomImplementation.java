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

    /** The JDK property that sizes the pool of carrier threads every virtual thread runs on. */
    static final String CARRIERS_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    @Override
    public RunningServer start(ServerConfig config) {
        warnIfIoThreadsDiffer(config.ioThreads());
        return LoomServer.start(config);
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
