package concbench.runner.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import concbench.formats.CpuSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostsFileTest {
    private static final Path BASE = Path.of("/home/me/bench");

    @Test
    void readsRolesDestinationsAndOptions() {
        HostsFile file = HostsFile.parse(List.of(
                "# the lab",
                "ssh-config lab_ssh_config",
                "server   bench-a  cpus=0-3 address=10.0.0.1   # the big one",
                "backend  me@bench-b dir=/opt/cb",
                "loadgen  bench-c",
                "loadgen  bench-d  cpus=2"), BASE, "hosts");
        assertEquals(BASE.resolve("lab_ssh_config"), file.sshConfig());
        assertEquals(new Host(Role.SERVER, 1, "bench-a", "10.0.0.1", ".cache/conc-bench/server",
                CpuSet.parse("0-3")), file.server());
        assertEquals(new Host(Role.BACKEND, 1, "me@bench-b", null, "/opt/cb", null), file.backend());
        assertEquals(List.of("loadgen-1", "loadgen-2"), file.loadGenerators().stream().map(Host::label).toList());
        assertEquals(".cache/conc-bench/loadgen-2", file.loadGenerators().get(1).dir());
    }

    @Test
    void theUsersOwnSshConfigUnlessOneIsNamed() {
        assertNull(HostsFile.parse(List.of("server a", "backend b", "loadgen c"), BASE, "hosts").sshConfig());
    }

    @Test
    void refusesAFileWithoutEachRoleOrWithAWrongLine() {
        assertEquals("hosts: needs exactly one server host, has 2", message(List.of("server a", "server b",
                "backend c", "loadgen d")));
        assertEquals("hosts: needs at least one loadgen host", message(List.of("server a", "backend c")));
        assertEquals("hosts line 1: unknown role 'client'; a host is server, backend or loadgen",
                message(List.of("client a")));
        assertEquals("hosts line 2: expected KEY=VALUE with KEY one of [address, cpus, dir], got 'port=22'",
                message(List.of("server a", "backend b port=22")));
        assertEquals("hosts line 1: expected ROLE DESTINATION [KEY=VALUE...], got 'server'",
                message(List.of("server")));
    }

    private static String message(List<String> lines) {
        return assertThrows(IllegalArgumentException.class, () -> HostsFile.parse(lines, BASE, "hosts")).getMessage();
    }
}
