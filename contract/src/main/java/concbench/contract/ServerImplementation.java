package concbench.contract;

/**
 * One concurrency model's server, found with {@link java.util.ServiceLoader}: each server module lists its
 * implementation in {@code META-INF/services/concbench.contract.ServerImplementation}, so the conformance suite
 * and the launcher find every implementation without a hard-coded list.
 */
public interface ServerImplementation {
    /** The short name used on the command line and sent in the {@code Server} header, e.g. {@code netty}. */
    String name();

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @throws Exception when it cannot start, e.g. the port is taken
     */
    RunningServer start(ServerConfig config) throws Exception;
}
