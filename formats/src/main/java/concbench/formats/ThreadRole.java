package concbench.formats;

import java.util.Arrays;

/**
 * What a server thread does, for the CPU a request costs by role. Request and back-end client threads are the
 * implementation's own ({@code thread-roles.properties} in its jar); the JIT compiler's and the garbage collector's
 * are the JVM's. A thread that matches none is {@link #OTHER}, never dropped.
 */
public enum ThreadRole {
    /** Event loops, I/O threads, workers, virtual-thread carriers: whatever serves the requests. */
    REQUEST("request"),
    /** Threads of the client that calls the back end, where it has threads of its own. */
    BACKEND_CLIENT("backendClient"),
    /** The JIT compiler: C1 and C2 compiler threads. Work here during a measured phase is warm-up that leaked in. */
    COMPILER("compiler"),
    /** The garbage collector's threads. */
    GC("gc"),
    /** Everything else: the JVM's VM thread and service threads, timers, watchdogs, the main thread. */
    OTHER("other");

    private final String key;

    ThreadRole(String key) {
        this.key = key;
    }

    /** The name in {@code thread-roles.properties} and in the results files. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }

    public static ThreadRole ofKey(String key) {
        for (ThreadRole role : values()) {
            if (role.key.equals(key)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown thread role '" + key + "'; the roles are "
                + Arrays.stream(values()).map(ThreadRole::key).toList());
    }
}
