package concbench.runner;

import concbench.formats.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Reads this machine's {@link Environment}: host, CPU, memory, kernel, JDK, pinned versions, the suite's commit. */
final class EnvironmentProbe {
    private static final String UNKNOWN = "unknown";

    private EnvironmentProbe() {
    }

    /** @param root the suite's folder, whose git commit is recorded */
    static Environment probe(Path root) {
        return new Environment(localHostName(), readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryBytes(),
                read("/proc/sys/kernel/osrelease"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), readVersions(), gitCommit(root));
    }

    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static long readMemoryBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** {@code versions.properties}, filled in by the build from the parent pom's version properties. */
    private static Map<String, String> readVersions() {
        Properties properties = new Properties();
        try (InputStream in = EnvironmentProbe.class.getResourceAsStream("/concbench/runner/versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // recorded as empty: the run goes on
        }
        Map<String, String> versions = new TreeMap<>();
        properties.forEach((name, version) -> versions.put((String) name, (String) version));
        return versions;
    }

    private static String gitCommit(Path root) {
        String commit = git(root, "rev-parse", "HEAD");
        if (commit.equals(UNKNOWN)) {
            return commit;
        }
        return git(root, "status", "--porcelain").isEmpty() ? commit : commit + "-dirty";
    }

    private static String git(Path root, String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = "git";
            command[1] = "-C";
            command[2] = root.toString();
            System.arraycopy(args, 0, command, 3, args.length);
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
