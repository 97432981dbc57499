package concbench.runner;

import concbench.contract.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Before a run starts anything: each variant's server jar checks the variant's options, so that {@code --impls
 * loom:client=foo} is refused at once with the server's reason, not trial after trial once the run is under way.
 * The runner cannot check them itself: it never loads a server's classes.
 */
final class ServerOptionsCheck {
    /** A JVM start and an option parse: seconds at most, even on a busy machine. */
    private static final long TIMEOUT_SECONDS = 60;

    private ServerOptionsCheck() {
    }

    /**
     * @throws IllegalArgumentException naming the variant and the server's reason when it refuses its options
     */
    static void check(List<String> servers, Launcher launcher) throws IOException, InterruptedException {
        for (String server : servers) {
            Variant variant = Variant.parse(server);
            if (variant.options().isEmpty()) {
                continue;
            }
            Process check = new ProcessBuilder(launcher.optionsCheck(variant)).redirectErrorStream(true).start();
            check.getOutputStream().close();
            // Its output (a usage text or a reason) is far smaller than a pipe's buffer: waiting first cannot block.
            if (!check.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                throw new IOException(server + ": its server did not check its options in " + TIMEOUT_SECONDS + " s");
            }
            if (check.exitValue() != 0) {
                String reason = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                        .findFirst().orElse("");
                throw new IllegalArgumentException(server + ": the server refuses its options: " + reason);
            }
        }
    }
}
