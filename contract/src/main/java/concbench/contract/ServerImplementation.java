package concbench.contract;

import java.util.List;
import java.util.Map;

/**
 * One concurrency model's server, found with {@link java.util.ServiceLoader}: each server module lists its
 * implementation in {@code META-INF/services/concbench.contract.ServerImplementation}, so the conformance suite
 * and the launcher find every implementation without a hard-coded list.
 */
public interface ServerImplementation {
    /** The short name used on the command line and sent in the {@code Server} header, e.g. {@code netty}. */
    String name();

    /**
     * The options of this server alone, beyond {@link ServerConfig}'s: {@code ./bench serve NAME --help} lists
     * them, the launcher refuses values outside their choices, and {@link #start} reads them from
     * {@link ServerConfig#options()}. None by default.
     */
    default List<ServerOption> options() {
        return List.of();
    }

    /**
     * The option sets worth measuring and checking beside the defaults, each a {@link Variant} of this
     * implementation (e.g. {@code {client=jdk}} is the variant {@code loom:client=jdk}). The conformance suite
     * checks every one; {@code ./bench run --impls} measures those it names. None by default.
     */
    default List<Map<String, String>> variants() {
        return List.of();
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @throws Exception when it cannot start, e.g. the port is taken
     */
    RunningServer start(ServerConfig config) throws Exception;
}
