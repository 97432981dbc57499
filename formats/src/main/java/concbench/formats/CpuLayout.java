package concbench.formats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * Which CPUs the server, the load generator and the back end run on. Disjoint sets keep the load generator from
 * stealing the server's CPU time, which would make a server look slower than it is; the layout is printed at the
 * start of a run and recorded in its results.
 *
 * <p>The default gives the server half the machine, the back end an eighth (at least one CPU), the load generator
 * the rest; on two CPUs the back end shares the load generator's CPU, since the fan-out back end waits on timers
 * and costs little. On one CPU nothing can be separated, which {@link #warnings} says.
 */
public record CpuLayout(CpuSet server, CpuSet loadGenerator, CpuSet backend) {

    public static CpuLayout derive(CpuSet available) {
        int n = available.size();
        if (n == 1) {
            return new CpuLayout(available, available, available);
        }
        if (n == 2) {
            CpuSet other = available.slice(1, 1);
            return new CpuLayout(available.slice(0, 1), other, other);
        }
        int server = n / 2;
        int backend = Math.max(1, n / 8);
        int loadGenerator = n - server - backend;
        return new CpuLayout(available.slice(0, server), available.slice(server, loadGenerator),
                available.slice(server + loadGenerator, backend));
    }

    /** The default layout with any set the user gave in its place. */
    public CpuLayout override(CpuSet newServer, CpuSet newLoadGenerator, CpuSet newBackend) {
        return new CpuLayout(newServer != null ? newServer : server,
                newLoadGenerator != null ? newLoadGenerator : loadGenerator,
                newBackend != null ? newBackend : backend);
    }

    /** What makes numbers from this layout less trustworthy, for the terminal and the results. */
    @JsonIgnore
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (server.overlaps(loadGenerator)) {
            warnings.add("the server and the load generator share CPUs " + server + " / " + loadGenerator
                    + ": they compete for CPU time, so the server's numbers are understated");
        }
        if (server.overlaps(backend)) {
            warnings.add("the server and the back end share CPUs " + server + " / " + backend);
        }
        return warnings;
    }

    @Override
    public String toString() {
        return "server " + server + ", load generator " + loadGenerator + ", back end " + backend;
    }
}
