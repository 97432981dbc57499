package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Profile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOptionsTest {
    private static final Path ROOT = Path.of("/tmp/p");
    private static final List<String> AVAILABLE = List.of("loom", "netty", "undertow", "vertx");

    @Test
    void defaultsToTheQuickProfileOfEverything() {
        RunOptions options = RunOptions.parse(new String[0], ROOT, AVAILABLE);
        assertEquals(Profile.QUICK, options.profile());
        assertEquals(AVAILABLE, options.implementations());
        assertEquals(List.of(Scenario.HELLO, Scenario.FANOUT), options.scenarios());
        assertTrue(options.out().startsWith(Path.of("/tmp/p/results")), options.out().toString());
        assertNull(options.serverCpus());
    }

    @Test
    void readsEveryOption() {
        RunOptions options = RunOptions.parse(new String[] {"--profile", "smoke", "--impls",
                "netty,loom", "--scenarios", "fanout", "--trials", "3", "--out", "/tmp/out", "--server-cpus", "0-1",
                "--loadgen-cpus", "2", "--backend-cpus", "3"}, ROOT, AVAILABLE);
        assertEquals("smoke", options.profile().name());
        assertEquals(3, options.profile().trials());
        assertEquals(List.of("netty", "loom"), options.implementations());
        assertEquals(List.of(Scenario.FANOUT), options.scenarios());
        assertEquals(Path.of("/tmp/out"), options.out());
        assertEquals("0-1", options.serverCpus().toString());
        assertEquals("3", options.backendCpus().toString());
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals("unknown implementation 'jetty'; choose from [loom, netty, undertow, vertx]",
                assertThrows(IllegalArgumentException.class,
                        () -> RunOptions.parse(new String[] {"--impls", "jetty"}, ROOT, AVAILABLE)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(new String[] {"--profile", "x"}, ROOT, AVAILABLE));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(new String[] {"--scenarios", "x"}, ROOT, AVAILABLE));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(new String[] {"--trials", "0"}, ROOT, AVAILABLE));
        assertThrows(IllegalArgumentException.class,
                () -> RunOptions.parse(new String[] {"--server-cpus", "a"}, ROOT, AVAILABLE));
    }

    @Test
    void aVariantIsItsOwnServerBesideItsImplementation() {
        RunOptions options = RunOptions.parse(new String[] {"--impls", "netty,loom,loom:client=jdk"}, ROOT, AVAILABLE);
        assertEquals(List.of("netty", "loom", "loom:client=jdk"), options.implementations());
    }

    @Test
    void aVariantHasOneSpellingAndCountsOnce() {
        RunOptions options = RunOptions.parse(new String[] {"--impls", "loom:b=2:a=1,loom:a=1:b=2"}, ROOT, AVAILABLE);
        assertEquals(List.of("loom:a=1:b=2"), options.implementations());
    }

    @Test
    void aBadVariantSaysHowOneIsWritten() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> RunOptions.parse(new String[] {"--impls", "netty,loom:client"}, ROOT, AVAILABLE)).getMessage();
        assertTrue(message.startsWith("bad variant 'loom:client': "), message);
        assertEquals("unknown implementation 'jetty'; choose from [loom, netty, undertow, vertx]",
                assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(
                        new String[] {"--impls", "jetty:client=jdk"}, ROOT, AVAILABLE)).getMessage());
    }
}
