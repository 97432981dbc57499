package concbench.conformance;

import concbench.contract.ServerImplementation;
import concbench.contract.ServerImplementations;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The implementations the suite checks: every one on the class path, or those named in the system property
 * {@code conformance.impls} (comma-separated). Naming one that is not there fails loudly rather than checking less.
 */
final class Implementations {
    static final String PROPERTY = "conformance.impls";

    private Implementations() {
    }

    static Stream<Named<ServerImplementation>> underTest() {
        List<ServerImplementation> found = ServerImplementations.all();
        Set<String> foundNames = found.stream().map(ServerImplementation::name).collect(Collectors.toSet());
        Set<String> wanted = Arrays.stream(System.getProperty(PROPERTY, "").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        if (!foundNames.containsAll(wanted)) {
            throw new IllegalStateException(PROPERTY + " names " + wanted + " but the class path has " + foundNames);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no server implementation on the class path");
        }
        return found.stream()
                .filter(implementation -> wanted.isEmpty() || wanted.contains(implementation.name()))
                .map(implementation -> Named.of(implementation.name(), implementation));
    }
}
