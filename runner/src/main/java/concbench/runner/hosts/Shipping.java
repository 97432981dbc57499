package concbench.runner.hosts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ships the suite's built files to a host's folder with rsync over the run's ssh: only what changed since the
 * last run travels (rsync compares size and time), and each file keeps its path under the project root, so that
 * a command line built for the project works on the host with the folder in the root's place.
 */
final class Shipping {
    /** Shipping the Gatling libraries the first time over a slow link takes a while; afterwards, a second. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** How rsync's --itemize-changes starts the line of a file it sent. */
    private static final String SENT_FILE = "<f";

    private Shipping() {
    }

    /**
     * Copies {@code files} (paths relative to {@code root}) to {@code host}'s folder.
     *
     * @return how many files changed, 0 when the host was up to date
     * @throws IOException with rsync's own words when it fails
     */
    static int ship(Ssh ssh, Host host, Path root, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rsync", "--archive", "--relative", "--itemize-changes",
                "-e", ssh.rsyncShell()));
        // "root/./path": --relative keeps the part after "./", the file's path under the project root.
        files.forEach(file -> command.add(root + "/./" + file));
        command.add(host.destination() + ":" + host.dir() + "/");
        Ssh.Result result = Ssh.run(command, null, TIMEOUT);
        if (!result.ok()) {
            throw new IOException("cannot ship the suite's files to " + host + ": rsync exited " + result.status()
                    + ": " + result.output());
        }
        return (int) result.output().lines().filter(line -> line.startsWith(SENT_FILE)).count();
    }

    /** Copies a folder of {@code host} ({@code remoteFolder}) into the local {@code into}. */
    static void fetch(Ssh ssh, Host host, String remoteFolder, Path into) throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(into);
        List<String> command = List.of("rsync", "--archive", "-e", ssh.rsyncShell(),
                host.destination() + ":" + remoteFolder + "/", into + "/");
        Ssh.Result result = Ssh.run(command, null, TIMEOUT);
        if (!result.ok()) {
            throw new IOException("cannot fetch " + remoteFolder + " from " + host + ": rsync exited "
                    + result.status() + ": " + result.output());
        }
    }
}
