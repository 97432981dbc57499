package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Profile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run's choices become, defaults filled in; the command line that gives them is the cli module's. */
class RunOptionsTest {
    private static final Path ROOT = Path.of("/tmp/p");
    private static final List<String> AVAILABLE = List.of("loom", "netty", "undertow", "vertx");

    private static RunOptions impls(String... impls) {
        return RunOptions.of(new RunChoices(null, null, List.of(impls), null, null, null, null, null, null, true, null), ROOT,
                AVAILABLE);
    }

    @Test
    void defaultsToTheQuickProfileOfEverything() {
        RunOptions options = RunOptions.of(RunChoices.defaults(), ROOT, AVAILABLE);
        assertEquals(Profile.QUICK, options.profile());
        assertEquals(AVAILABLE, options.implementations());
        assertEquals(List.of(Scenario.HELLO, Scenario.FANOUT), options.scenarios());
        assertTrue(options.out().startsWith(Path.of("/tmp/p/results")), options.out().toString());
        assertNull(options.serverCpus());
        assertTrue(options.floor());
    }

    @Test
    void takesEveryChoice() {
        RunOptions options = RunOptions.of(new RunChoices("smoke", 3, List.of("netty", "loom"), List.of("fanout"), null,
                "/tmp/out", "0-1", "2", "3", false, null), ROOT, AVAILABLE);
        assertEquals("smoke", options.profile().name());
        assertEquals(3, options.profile().trials());
        assertEquals(List.of("netty", "loom"), options.implementations());
        assertEquals(List.of(Scenario.FANOUT), options.scenarios());
        assertEquals(Path.of("/tmp/out"), options.out());
        assertEquals("0-1", options.serverCpus().toString());
        assertEquals("2", options.loadGeneratorCpus().toString());
        assertEquals("3", options.backendCpus().toString());
        assertEquals(false, options.floor());
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals("unknown implementation 'jetty'; choose from [loom, netty, undertow, vertx]",
                assertThrows(IllegalArgumentException.class, () -> impls("jetty")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunOptions.of(
                new RunChoices("x", null, null, null, null, null, null, null, null, true, null), ROOT, AVAILABLE));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.of(
                new RunChoices(null, null, null, List.of("x"), null, null, null, null, null, true, null), ROOT, AVAILABLE));
        assertEquals("--trials must be between 1 and 100, got 0", assertThrows(IllegalArgumentException.class,
                () -> RunOptions.of(new RunChoices(null, 0, null, null, null, null, null, null, null, true, null), ROOT,
                        AVAILABLE)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunOptions.of(
                new RunChoices(null, null, null, null, null, null, "a", null, null, true, null), ROOT, AVAILABLE))
                .getMessage().startsWith("--server-cpus: "));
        assertThrows(IllegalArgumentException.class, () -> impls(" ", ""));
    }

    private static RunChoices widths(String fanoutCalls) {
        return new RunChoices(null, null, null, null, fanoutCalls, null, null, null, null, true, null);
    }

    @Test
    void fanoutWidthsAreADimensionOfTheRun() {
        assertEquals(List.of(10, 100), RunOptions.of(RunChoices.defaults(), ROOT, AVAILABLE).profile().fanoutCalls());
        RunOptions options = RunOptions.of(widths("1000, 1,10,10"), ROOT, AVAILABLE);
        assertEquals(List.of(1, 10, 1000), options.profile().fanoutCalls(), "ascending, each once");
        assertEquals("quick", options.profile().name());
    }

    @Test
    void anUnusableWidthIsRefusedWithTheContractsLimits() {
        for (String bad : new String[] {"0", "-5", "1001", "ten", "10,", "", "10.5"}) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> RunOptions.of(widths(bad), ROOT, AVAILABLE), bad).getMessage();
            assertTrue(message.contains("from 1 to 1000 calls"), message);
        }
    }

    @Test
    void aVariantIsItsOwnServerBesideItsImplementation() {
        assertEquals(List.of("netty", "loom", "loom:client=jdk"), impls("netty", "loom", "loom:client=jdk")
                .implementations());
    }

    @Test
    void aVariantHasOneSpellingAndCountsOnce() {
        assertEquals(List.of("loom:a=1:b=2"), impls("loom:b=2:a=1", "loom:a=1:b=2").implementations());
    }

    @Test
    void aBadVariantSaysHowOneIsWritten() {
        String message = assertThrows(IllegalArgumentException.class, () -> impls("netty", "loom:client"))
                .getMessage();
        assertTrue(message.startsWith("bad variant 'loom:client': "), message);
        assertEquals("unknown implementation 'jetty'; choose from [loom, netty, undertow, vertx]",
                assertThrows(IllegalArgumentException.class, () -> impls("jetty:client=jdk")).getMessage());
    }
}
