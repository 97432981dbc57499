package concbench.contract;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.net.InetSocketAddress;

/**
 * The {@code main} of every server jar: starts the one implementation on the class path in the foreground,
 * prints where it listens, and stops it cleanly on SIGTERM or Ctrl-C.
 */
public final class ServerLauncher {
    /** Exit status for bad command-line options, as with most Unix tools. */
    public static final int USAGE_ERROR = 2;
    public static final int START_FAILED = 1;
    /** Lists the options, after checking any others given with it. */
    public static final String HELP = "--help";

    private ServerLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerImplementation implementation = ServerImplementations.only();
        // --help lists the options once the others given are checked: the runner checks a variant's options so.
        List<String> given = new ArrayList<>(List.of(args));
        boolean help = given.remove(HELP);
        ServerConfig config;
        try {
            config = ServerConfig.fromArgs(implementation.options(), given.toArray(String[]::new));
            if (help) {
                System.out.println("options of the " + implementation.name() + " server:\n"
                        + ServerConfig.usage(implementation.options()));
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(implementation.name() + ": " + e.getMessage());
            System.err.println("options:\n" + ServerConfig.usage(implementation.options()));
            System.exit(USAGE_ERROR);
            return;
        }
        RunningServer server;
        try {
            server = implementation.start(config);
        } catch (Exception e) {
            System.err.println(implementation.name() + ": " + (isAddressInUse(e)
                    ? "cannot listen on " + config.host() + ":" + config.port()
                            + ": the port is in use; pick another with --port"
                    : "failed to start: " + e));
            System.exit(START_FAILED);
            return;
        }
        InetSocketAddress address = server.address();
        Foreground.serve(implementation.name(), server::close, implementation.name() + " listening on http://"
                + address.getHostString() + ":" + address.getPort() + " (back end " + config.backend() + ", "
                + config.ioThreads() + " I/O threads" + optionsGiven(config) + ")");
    }

    /** The server's own options as given, e.g. {@code , --client jdk}, so the log says which variant ran. */
    private static String optionsGiven(ServerConfig config) {
        StringBuilder given = new StringBuilder();
        config.options().forEach((name, value) -> given.append(", --").append(name).append(' ').append(value));
        return given.toString();
    }

    /** Frameworks wrap a failed bind differently (a native exception, a wrapper); look down the cause chain. */
    static boolean isAddressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
