package concbench.conformance;

import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import concbench.contract.ServerImplementation;
import concbench.contract.ServerImplementations;
import concbench.contract.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The servers the suite checks: every implementation on the class path and every variant it declares
 * ({@link ServerImplementation#variants()}), or those named in the system property {@code conformance.impls}
 * (comma-separated): an implementation's name selects it with all its variants, a variant's name
 * ({@code loom:client=jdk}) that variant alone. Naming one that is not there fails loudly rather than checking less.
 */
final class Implementations {
    static final String PROPERTY = "conformance.impls";

    private Implementations() {
    }

    static Stream<Named<ServerImplementation>> underTest() {
        List<ServerImplementation> found = ServerImplementations.all();
        if (found.isEmpty()) {
            throw new IllegalStateException("no server implementation on the class path");
        }
        PractitionerProperties.apply(found);
        List<Named<ServerImplementation>> all = new ArrayList<>();
        for (ServerImplementation implementation : found) {
            all.add(Named.of(implementation.name(), implementation));
            for (Map<String, String> options : implementation.variants()) {
                Variant variant = Variant.of(implementation.name(), options);
                all.add(Named.of(variant.name(), new VariantUnderTest(implementation, variant)));
            }
        }
        Set<String> wanted = Arrays.stream(System.getProperty(PROPERTY, "").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).map(name -> Variant.parse(name).name())
                .collect(Collectors.toSet());
        Set<String> names = all.stream().map(Named::getName).collect(Collectors.toSet());
        Set<String> unknown = wanted.stream().filter(name -> !names.contains(name)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " names " + unknown + " but the class path has " + names);
        }
        return all.stream().filter(server -> wanted.isEmpty() || wanted.contains(server.getName())
                || wanted.contains(Variant.parse(server.getName()).implementation()));
    }

    /**
     * An implementation started with a variant's options: named as the implementation, as its Server header is,
     * so that every clause reads the same for it.
     */
    private record VariantUnderTest(ServerImplementation implementation, Variant variant)
            implements ServerImplementation {
        @Override
        public String name() {
            return implementation.name();
        }

        @Override
        public RunningServer start(ServerConfig config) throws Exception {
            return implementation.start(config.withOptions(variant.options()));
        }
    }
}
