package concbench.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code config/<implementation>.properties}: the framework system properties one implementation's server starts
 * with, beside the JVM flags all share ({@code config/server-jvm.flags}). Only what the framework's own published
 * benchmarks set belongs there, each with its reason and source in the comment above it. The format is the
 * simplest that {@code ./bench serve} can read too: one {@code name=value} per line, no spaces, no escapes; a line
 * whose first non-blank character is {@code #} is a comment; blank lines are ignored. The file holds system
 * properties only, by its form, so heap, GC and every other JVM flag stay the same for all servers. Read by the
 * runner, which starts each server with its file, and by the conformance suite, which checks the servers as they
 * run with them.
 */
public final class ServerProperties {
    private static final Pattern PROPERTY = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)=(\\S*)");

    private ServerProperties() {
    }

    public static Path file(Path root, String implementation) {
        return root.resolve("config").resolve(implementation + ".properties");
    }

    /**
     * The properties in file order; none when the implementation has no file.
     *
     * @throws IOException when a line is not {@code name=value}, naming the file and line
     */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return properties;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher property = PROPERTY.matcher(line);
            if (!property.matches() || properties.put(property.group(1), property.group(2)) != null) {
                throw new IOException(file + " line " + (i + 1) + ": expected one name=value, a property set once, "
                        + "got '" + line + "'");
            }
        }
        return properties;
    }

    /** As JVM arguments: {@code -Dname=value}. */
    public static List<String> jvmArguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(p -> "-D" + p.getKey() + "=" + p.getValue()).toList();
    }
}
