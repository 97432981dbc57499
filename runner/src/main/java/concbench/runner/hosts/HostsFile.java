package concbench.runner.hosts;

import concbench.formats.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hosts file of {@code ./bench run --hosts FILE}: one host a line, {@code ROLE DESTINATION [KEY=VALUE...]},
 * {@code #} starts a comment. ROLE is {@code server}, {@code backend} or {@code loadgen} (one server, one back
 * end, one or more load generators); DESTINATION is what {@code ssh} takes. Keys: {@code address=} where the
 * other hosts reach it (default: the host name {@code ssh -G} resolves), {@code dir=} its folder for the suite's
 * files (default {@code ~/.cache/conc-bench/<role>}), {@code cpus=} its CPU set (default: its CPUs). A line
 * {@code ssh-config FILE} has every {@code ssh} read FILE instead of {@code ~/.ssh/config}.
 *
 * @param sshConfig null for the user's own
 */
public record HostsFile(List<Host> hosts, Path sshConfig) {
    static final String SSH_CONFIG = "ssh-config";
    private static final Set<String> KEYS = Set.of("address", "dir", "cpus");

    public HostsFile {
        hosts = List.copyOf(hosts);
    }

    public Host server() {
        return only(Role.SERVER);
    }

    public Host backend() {
        return only(Role.BACKEND);
    }

    public List<Host> loadGenerators() {
        return hosts.stream().filter(host -> host.role() == Role.LOADGEN).toList();
    }

    private Host only(Role role) {
        return hosts.stream().filter(host -> host.role() == role).findFirst().orElseThrow();
    }

    /** @throws IllegalArgumentException naming the file, the line and what is wrong with it */
    public static HostsFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--hosts: no such file: " + file);
        }
        return parse(Files.readAllLines(file), file.toAbsolutePath().getParent(), file.toString());
    }

    static HostsFile parse(List<String> lines, Path base, String name) {
        List<Host> hosts = new ArrayList<>();
        Path sshConfig = null;
        int loadGenerators = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = name + " line " + (i + 1) + ": ";
            String[] words = line.split("\\s+");
            if (words.length < 2) {
                throw new IllegalArgumentException(where + "expected ROLE DESTINATION [KEY=VALUE...], got '" + line
                        + "'");
            }
            if (words[0].equals(SSH_CONFIG)) {
                sshConfig = base.resolve(words[1]).normalize();
                continue;
            }
            Role role;
            Map<String, String> options;
            try {
                role = Role.named(words[0]);
                options = options(words);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
            int index = role == Role.LOADGEN ? ++loadGenerators : 1;
            String label = role == Role.LOADGEN ? role.word() + "-" + index : role.word();
            CpuSet cpus;
            try {
                cpus = options.containsKey("cpus") ? CpuSet.parse(options.get("cpus")) : null;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "cpus: " + e.getMessage());
            }
            hosts.add(new Host(role, index, words[1], options.get("address"),
                    options.getOrDefault("dir", Host.DEFAULT_DIR_PARENT + label), cpus));
        }
        for (Role role : List.of(Role.SERVER, Role.BACKEND)) {
            long count = hosts.stream().filter(host -> host.role() == role).count();
            if (count != 1) {
                throw new IllegalArgumentException(name + ": needs exactly one " + role.word() + " host, has " + count);
            }
        }
        if (loadGenerators == 0) {
            throw new IllegalArgumentException(name + ": needs at least one loadgen host");
        }
        return new HostsFile(hosts, sshConfig);
    }

    private static Map<String, String> options(String[] words) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 2; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            String key = equals < 0 ? words[i] : words[i].substring(0, equals);
            if (equals <= 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("expected KEY=VALUE with KEY one of " + new TreeSet<>(KEYS)
                        + ", got '" + words[i] + "'");
            }
            options.put(key, words[i].substring(equals + 1));
        }
        return options;
    }
}
