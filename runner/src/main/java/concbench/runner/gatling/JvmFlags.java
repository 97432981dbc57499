package concbench.runner.gatling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A JVM flags file of {@code config/} ({@code server-jvm.flags}, {@code loadgen-jvm.flags}): one flag per line;
 * a line whose first non-blank character is {@code #} is a comment; blank lines are ignored.
 */
public final class JvmFlags {
    private JvmFlags() {
    }

    public static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
