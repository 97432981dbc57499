package concbench.conformance;

import concbench.contract.ServerImplementation;
import concbench.contract.ServerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers are checked as they are measured: with the system properties of their {@code config/<impl>.properties}
 * (what their framework's own published benchmarks set, e.g. Vert.x without header validation), set in this JVM
 * before any server starts, since the frameworks read them once, when their classes load. All the servers share
 * this JVM, so every file's properties are set at once; two files that set one property differently are refused
 * rather than one of them silently checked without its own.
 */
final class PractitionerProperties {
    /** The project folder, where {@code config/} is: set by the build. */
    static final String ROOT_PROPERTY = "concbench.root";

    private PractitionerProperties() {
    }

    static void apply(List<ServerImplementation> implementations) {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, ".."));
        Map<String, String> all = new HashMap<>();
        Map<String, String> setBy = new HashMap<>();
        for (ServerImplementation implementation : implementations) {
            Map<String, String> own;
            try {
                own = ServerProperties.read(ServerProperties.file(root, implementation.name()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            own.forEach((name, value) -> {
                String before = all.putIfAbsent(name, value);
                if (before != null && !before.equals(value)) {
                    throw new IllegalStateException(name + " is " + before + " for " + setBy.get(name) + " but "
                            + value + " for " + implementation.name() + ": they cannot share one JVM");
                }
                setBy.putIfAbsent(name, implementation.name());
            });
        }
        all.forEach(System::setProperty);
    }
}
