package concbench.contract;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The implementations on the class path, found through {@link ServiceLoader}. */
public final class ServerImplementations {
    private ServerImplementations() {
    }

    /** Every implementation on the class path, ordered by name. */
    public static List<ServerImplementation> all() {
        return ServiceLoader.load(ServerImplementation.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ServerImplementation::name))
                .toList();
    }

    /** The one implementation a server jar carries. */
    public static ServerImplementation only() {
        List<ServerImplementation> found = all();
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one server implementation on the class path, found "
                    + found.stream().map(ServerImplementation::name).toList());
        }
        return found.getFirst();
    }
}
