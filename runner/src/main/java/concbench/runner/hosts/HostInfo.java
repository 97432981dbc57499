package concbench.runner.hosts;

import concbench.formats.CpuSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the run learned of a host before starting anything there, recorded in {@code run.json}'s topology.
 *
 * @param javaHome      the JDK 25+ found there as {@code ./bench} finds one locally; empty when there is none
 * @param jdk           its runtime version, e.g. {@code 25+36-LTS}
 * @param cpus          the CPUs its login may run on
 * @param cpuModel      {@code /proc/cpuinfo}'s model name
 * @param kernel        {@code uname -r}
 * @param hostName      {@code uname -n}
 * @param taskset       taskset's path there, empty when missing (then its processes run unpinned)
 * @param rsync         rsync's path there, empty when missing (then the files cannot be shipped)
 */
public record HostInfo(String javaHome, String jdk, CpuSet cpus, String cpuModel, String kernel, String hostName,
        String taskset, String rsync) {

    /** Reads the {@code key=value} lines {@code probe.sh} prints. */
    static HostInfo parse(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        output.lines().filter(line -> line.contains("=")).forEach(line -> {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1).strip());
        });
        String cpus = values.getOrDefault("cpus", "");
        return new HostInfo(values.getOrDefault("java_home", ""), values.getOrDefault("jdk", ""),
                cpus.isEmpty() ? null : CpuSet.parse(cpus), values.getOrDefault("cpu_model", ""),
                values.getOrDefault("kernel", ""), values.getOrDefault("hostname", ""),
                values.getOrDefault("taskset", ""), values.getOrDefault("rsync", ""));
    }

    /** Why the run cannot use this host, or null when it can. */
    String refusal() {
        if (javaHome.isEmpty()) {
            return "has no JDK 25 or newer (looked at JAVA_HOME, the javac on PATH, /usr/lib/jvm, /usr/java, /opt, "
                    + "~/.sdkman, ~/.jdks); install one there, e.g. Eclipse Temurin 25";
        }
        if (rsync.isEmpty()) {
            return "has no rsync, which ships the suite's files to it; install it there (Debian: apt-get install "
                    + "rsync)";
        }
        if (cpus == null) {
            return "did not say which CPUs it has (no /proc/self/status?)";
        }
        return null;
    }

    public String java() {
        return javaHome + "/bin/java";
    }
}
