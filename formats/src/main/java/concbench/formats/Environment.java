package concbench.formats;

import java.util.Map;

/**
 * The machine and software a run measured on, recorded in {@code run.json} so that numbers are never read
 * without what produced them.
 *
 * @param versions   every framework's and Gatling's version, as the build pinned them
 * @param gitCommit  the suite's commit, with {@code -dirty} when the work tree had changes
 */
public record Environment(
        String host,
        String cpuModel,
        int cores,
        long memoryBytes,
        String kernel,
        String jdk,
        String jdkVendor,
        Map<String, String> versions,
        String gitCommit) {
}
