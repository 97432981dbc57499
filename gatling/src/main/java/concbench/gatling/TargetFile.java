package concbench.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's URL from a file that appears once the server is ready ({@code -DtargetFile}): the runner starts
 * Gatling while the server starts, and writes the file (whole, by a rename) once the server has passed its live
 * check, so that the seconds of Gatling's own start-up are spent beside the server's instead of after them. The
 * simulation is built, and its first phase starts, only once the file is there.
 */
final class TargetFile {
    /** Often enough that the load follows the server's check closely; a file check costs next to nothing. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private TargetFile() {
    }

    /**
     * Waits for {@code file} and returns what it holds, stripped.
     *
     * @throws IllegalStateException when it has not appeared within {@code longest}: the runner gave up on the
     *                               server, or is gone
     */
    static String await(Path file, Duration longest) {
        long deadline = System.nanoTime() + longest.toNanos();
        while (true) {
            try {
                return Files.readString(file).strip();
            } catch (NoSuchFileException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no target in " + file + " after " + longest.toSeconds() + " s");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + file, e);
            }
        }
    }
}
