package concbench.contract;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a server is started with. The same values reach every implementation, so no server is configured
 * into an advantage; what a model tunes beyond these (pool sizes of its own) its module README states.
 *
 * @param host               the address to listen on
 * @param port               the port to listen on; 0 picks a free one
 * @param backend            the delay back end the fan-out calls, {@code http://host:port}
 * @param defaultCalls       N when a fan-out request gives none
 * @param defaultDelayMs     D when a fan-out request gives none
 * @param maxCalls           the largest N a request may ask for
 * @param maxDelayMs         the largest D a request may ask for
 * @param downstreamTimeout  how long a fan-out waits for all of its back-end calls before answering 504
 * @param ioThreads          event-loop / I/O threads; by default one per available CPU
 * @param backendConnections the most back-end connections a fan-out can use at once (a server-wide pool, or one per
 *                           event loop: docs/contract.md, "The back-end connections"); calls beyond it wait
 * @param options            the options of this server alone ({@link ServerOption}), by name, as given: those not
 *                           given take their defaults; empty for every server started as it is
 */
public record ServerConfig(
        String host,
        int port,
        URI backend,
        int defaultCalls,
        int defaultDelayMs,
        int maxCalls,
        int maxDelayMs,
        Duration downstreamTimeout,
        int ioThreads,
        int backendConnections,
        Map<String, String> options) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final URI DEFAULT_BACKEND = URI.create("http://127.0.0.1:9090");
    public static final int DEFAULT_CALLS = 10;
    public static final int DEFAULT_DELAY_MS = 20;
    public static final int DEFAULT_MAX_CALLS = Contract.MAX_CALLS;
    public static final int DEFAULT_MAX_DELAY_MS = 10_000;
    /** Longer than the largest default delay, so that only a back end slower than asked times out. */
    public static final int DEFAULT_DOWNSTREAM_TIMEOUT_MS = 15_000;
    /** As many as the largest fan-out, so one request of the largest N is never queued behind itself. */
    public static final int DEFAULT_BACKEND_CONNECTIONS = 1000;

    private static final int MAX_PORT = 65_535;
    private static final int MAX_THREADS = 4096;
    private static final int MAX_BACKEND_CONNECTIONS = 100_000;
    private static final int MAX_TIMEOUT_MS = 600_000;
    private static final int MAX_CALLS_CEILING = 100_000;
    private static final int MAX_DELAY_CEILING = 600_000;

    static final Map<String, String> OPTIONS = CommandLine.options(
            "host", "address to listen on (default " + DEFAULT_HOST + ")",
            "port", "port to listen on, 0 for any free one (default " + DEFAULT_PORT + ")",
            "backend", "delay back end for fan-out (default " + DEFAULT_BACKEND + ")",
            "calls", "fan-out N when the request gives none (default " + DEFAULT_CALLS + ")",
            "delay-ms", "fan-out D when the request gives none (default " + DEFAULT_DELAY_MS + ")",
            "max-calls", "largest N a request may ask for (default " + DEFAULT_MAX_CALLS + ")",
            "max-delay-ms", "largest D a request may ask for (default " + DEFAULT_MAX_DELAY_MS + ")",
            "downstream-timeout-ms", "504 when the back end takes longer (default " + DEFAULT_DOWNSTREAM_TIMEOUT_MS + ")",
            "io-threads", "event-loop / I/O threads (default: available CPUs)",
            "backend-connections", "most back-end connections a fan-out uses at once, per event loop where"
                    + " the model pools per loop (default " + DEFAULT_BACKEND_CONNECTIONS + ")");

    public ServerConfig {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be from 0 to " + MAX_PORT + ", got " + port);
        }
        if (!"http".equals(backend.getScheme()) || backend.getHost() == null || backend.getPort() < 0) {
            throw new IllegalArgumentException("back end must be http://host:port, got " + backend);
        }
        if (maxCalls < 1 || defaultCalls < 1 || defaultCalls > maxCalls) {
            throw new IllegalArgumentException("calls need 1 <= default (" + defaultCalls + ") <= max (" + maxCalls + ")");
        }
        if (maxDelayMs < 0 || defaultDelayMs < 0 || defaultDelayMs > maxDelayMs) {
            throw new IllegalArgumentException("delays need 0 <= default (" + defaultDelayMs + ") <= max (" + maxDelayMs + ")");
        }
        if (downstreamTimeout.isNegative() || downstreamTimeout.isZero()) {
            throw new IllegalArgumentException("downstream timeout must be positive, got " + downstreamTimeout);
        }
        if (ioThreads < 1 || backendConnections < 1) {
            throw new IllegalArgumentException("io threads and back-end connections must be at least 1");
        }
        options = Map.copyOf(options);
    }

    /** Without options of the server's own. */
    public ServerConfig(String host, int port, URI backend, int defaultCalls, int defaultDelayMs, int maxCalls,
                        int maxDelayMs, Duration downstreamTimeout, int ioThreads, int backendConnections) {
        this(host, port, backend, defaultCalls, defaultDelayMs, maxCalls, maxDelayMs, downstreamTimeout, ioThreads,
                backendConnections, Map.of());
    }

    /** The defaults, listening on {@link #DEFAULT_PORT}. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_BACKEND, DEFAULT_CALLS, DEFAULT_DELAY_MS,
                DEFAULT_MAX_CALLS, DEFAULT_MAX_DELAY_MS, Duration.ofMillis(DEFAULT_DOWNSTREAM_TIMEOUT_MS),
                Runtime.getRuntime().availableProcessors(), DEFAULT_BACKEND_CONNECTIONS);
    }

    /** @throws IllegalArgumentException naming the bad option */
    public static ServerConfig fromArgs(String... args) {
        return fromArgs(List.of(), args);
    }

    /**
     * The shared options and those of one server.
     *
     * @param serverOptions the options of the server alone ({@link ServerImplementation#options()})
     * @throws IllegalArgumentException naming the bad option, or the choices of a server option
     */
    public static ServerConfig fromArgs(List<ServerOption> serverOptions, String... args) {
        CommandLine line = CommandLine.parse(args, known(serverOptions));
        Map<String, String> options = new LinkedHashMap<>();
        for (ServerOption option : serverOptions) {
            String value = line.string(option.name(), null);
            if (value != null) {
                options.put(option.name(), option.check(value));
            }
        }
        ServerConfig defaults = defaults();
        URI backend;
        try {
            backend = URI.create(line.string("backend", DEFAULT_BACKEND.toString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--backend is not a URI: " + e.getMessage());
        }
        return new ServerConfig(
                line.string("host", DEFAULT_HOST),
                line.integer("port", DEFAULT_PORT, 0, MAX_PORT),
                backend,
                line.integer("calls", DEFAULT_CALLS, 1, MAX_CALLS_CEILING),
                line.integer("delay-ms", DEFAULT_DELAY_MS, 0, MAX_DELAY_CEILING),
                line.integer("max-calls", DEFAULT_MAX_CALLS, 1, MAX_CALLS_CEILING),
                line.integer("max-delay-ms", DEFAULT_MAX_DELAY_MS, 0, MAX_DELAY_CEILING),
                Duration.ofMillis(line.integer("downstream-timeout-ms", DEFAULT_DOWNSTREAM_TIMEOUT_MS, 1, MAX_TIMEOUT_MS)),
                line.integer("io-threads", defaults.ioThreads(), 1, MAX_THREADS),
                line.integer("backend-connections", DEFAULT_BACKEND_CONNECTIONS, 1, MAX_BACKEND_CONNECTIONS),
                options);
    }

    public static String usage() {
        return CommandLine.usage(OPTIONS);
    }

    /** The shared options, then those of the server alone. */
    public static String usage(List<ServerOption> serverOptions) {
        return CommandLine.usage(known(serverOptions));
    }

    private static Map<String, String> known(List<ServerOption> serverOptions) {
        Map<String, String> known = new LinkedHashMap<>(OPTIONS);
        for (ServerOption option : serverOptions) {
            if (known.put(option.name(), option.usage()) != null) {
                throw new IllegalArgumentException("server option --" + option.name() + " is declared twice");
            }
        }
        return known;
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, backend, defaultCalls, defaultDelayMs, maxCalls, maxDelayMs,
                downstreamTimeout, ioThreads, backendConnections, options);
    }

    public ServerConfig withBackend(URI newBackend) {
        return new ServerConfig(host, port, newBackend, defaultCalls, defaultDelayMs, maxCalls, maxDelayMs,
                downstreamTimeout, ioThreads, backendConnections, options);
    }

    public ServerConfig withDownstreamTimeout(Duration newTimeout) {
        return new ServerConfig(host, port, backend, defaultCalls, defaultDelayMs, maxCalls, maxDelayMs,
                newTimeout, ioThreads, backendConnections, options);
    }

    /** The same config with these options of the server's own instead of its own. */
    public ServerConfig withOptions(Map<String, String> newOptions) {
        return new ServerConfig(host, port, backend, defaultCalls, defaultDelayMs, maxCalls, maxDelayMs,
                downstreamTimeout, ioThreads, backendConnections, newOptions);
    }

    /** The back end's host, for clients that connect by host and port. */
    public String backendHost() {
        return backend.getHost();
    }

    public int backendPort() {
        return backend.getPort();
    }
}
