package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.CpuSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenFileLimitTest {
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             unlimited            unlimited            processes
            Max open files            %s                %s                files
            Max locked memory         8388608              8388608              bytes
            """;
    /** Every capability but CAP_SYS_RESOURCE: root in a container that dropped it, as on this suite's CI machine. */
    private static final String WITHOUT = "Name:\tjava\nCapEff:\t000001fffeffffff\n";
    private static final String WITH = "Name:\tjava\nCapEff:\t000001ffffffffff\n";
    private static final String NR_OPEN = "1048576\n";

    private static OpenFileLimit limit(String soft, String hard, String status) {
        return OpenFileLimit.parse(LIMITS.formatted(soft, hard), status, NR_OPEN);
    }

    @Test
    void readsTheLimitsAndWhetherTheHardOneMayBeRaised() {
        assertEquals(new OpenFileLimit(20_000, 20_000, false, 1_048_576), limit("20000", "20000", WITHOUT));
        assertTrue(limit("20000", "20000", WITH).canRaiseHard());
        assertEquals(Long.MAX_VALUE, limit("1024", "unlimited", WITH).hard());
    }

    @Test
    void withCapSysResourceGatlingGetsTheBoundBothSoftAndHard() {
        OpenFileLimit limit = limit("20000", "20000", WITH);
        assertEquals(OpenFileLimit.BOUND, limit.target());
        assertEquals(List.of(OpenFileLimit.PRLIMIT, "--nofile=1048576:1048576"), limit.prefix(true));
        assertEquals("1,048,576 (raised from 20,000)", limit.describe(true));
        assertEquals(List.of(), limit.prefix(false), "no prlimit, no prefix");
        assertEquals("20,000 (/usr/bin/prlimit is missing to raise the hard limit)", limit.describe(false));
        assertEquals(2_000_000, new OpenFileLimit(1024, 2_000_000, true, 4_000_000).target(),
                "a hard limit already above the bound is never lowered");
        assertEquals(500_000, new OpenFileLimit(1024, 1024, true, 500_000).target(), "nor raised past nr_open");
    }

    @Test
    void withoutItTheSoftLimitGoesUpToTheHardOneAndTheHeaderSaysWhy() {
        OpenFileLimit low = limit("1024", "4096", WITHOUT);
        assertEquals(4096, low.target());
        assertEquals(List.of(OpenFileLimit.PRLIMIT, "--nofile=4096:4096"), low.prefix(true));
        assertEquals("4,096 (raised from 1,024; the hard limit: raising it takes CAP_SYS_RESOURCE)",
                low.describe(true));
        OpenFileLimit here = limit("20000", "20000", WITHOUT);
        assertEquals(List.of(), here.prefix(true), "nothing to raise: no prlimit, which would fail to raise it");
        assertEquals("20,000 (the hard limit: raising it takes CAP_SYS_RESOURCE)", here.describe(true));
    }

    @Test
    void theLoadGeneratorStartsUnderItAndNoOtherProcessDoes() throws Exception {
        Launcher launcher = new Launcher(Path.of("."));
        CpuSet cpus = CpuSet.parse("1");
        List<String> generator = launcher.loadGeneratorPrefixFor(cpus);
        assertEquals(launcher.prefixFor(cpus), generator.subList(0, launcher.prefixFor(cpus).size()),
                "pinned as every process, then its limit");
        assertFalse(launcher.prefixFor(cpus).contains(OpenFileLimit.PRLIMIT), "the servers keep their own limits");
        OpenFileLimit.ofThisProcess().ifPresent(limit -> assertEquals(limit.prefix(
                Files.isExecutable(Path.of(OpenFileLimit.PRLIMIT))),
                generator.subList(launcher.prefixFor(cpus).size(), generator.size())));
    }
}
