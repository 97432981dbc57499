package concbench.runner.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.backend.DelayBackend;
import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import concbench.contract.ServerImplementation;
import concbench.contract.ServerImplementations;
import concbench.formats.Latency;
import concbench.formats.PhaseStats;
import concbench.gatling.names.PhaseName;
import concbench.gatling.names.SimulationProperties;
import concbench.gatling.names.Simulations;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real, small Gatling run: {@code HelloSimulation} forked through {@link GatlingProcess} against the netty
 * server and the delay back end, started in this JVM on free ports. Our numbers are checked against the records
 * themselves and against Gatling's own report for the same requests.
 */
class GatlingRunTest {
    private static final Path ROOT = Path.of(System.getProperty("concbench.root"));
    private static final int RATE = 100;
    private static final int RATE_SECONDS = 2;
    private static final List<String> PHASES = List.of(PhaseName.WARMUP.toString(), PhaseName.sweep(1).toString(),
            PhaseName.sweep(4).toString(), PhaseName.rate(RATE).toString());
    /** HdrHistogram's relative precision at 4 significant digits. */
    private static final double PRECISION = 1e-4;
    /** Gatling's report rounds its estimates to whole milliseconds. */
    private static final double REPORT_ROUNDING_MS = 1;
    /** How far, in percentile points, Gatling's t-digest estimate may stray from the exact rank. */
    private static final double ESTIMATE_RANKS = 1;
    private static final long START_TIMEOUT_SECONDS = 60;

    private static DelayBackend backend;
    private static RunningServer server;

    @TempDir
    Path results;

    @BeforeAll
    static void startServer() throws Exception {
        backend = DelayBackend.start("127.0.0.1", 0, 1);
        ServerImplementation netty = ServerImplementations.all().stream()
                .filter(implementation -> implementation.name().equals("netty"))
                .findFirst().orElseThrow();
        server = netty.start(ServerConfig.defaults().withPort(0)
                .withBackend(URI.create("http://127.0.0.1:" + backend.address().getPort())));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        backend.close();
    }

    @Test
    void aRealRunGivesEveryPhaseAndAgreesWithGatlingsOwnReport() throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        GatlingCommand command = command(Map.of(SimulationProperties.LEVEL_SECONDS, "1"))
                // A prefix runs the JVM, as taskset will; env is one that exists everywhere.
                .withPrefix(List.of("env"));
        GatlingProcess.Result result;
        Path log = results.resolve("gatling.log");
        try (GatlingProcess gatling = GatlingProcess.start(command, log, output::add)) {
            result = gatling.await();
        }
        assertTrue(output.stream().anyMatch(line -> line.contains("HelloSimulation started")),
                "Gatling's output reaches the consumer:\n" + String.join("\n", output));
        assertEquals(output, Files.readAllLines(log), "and the log file, line for line");
        assertEquals(result.runFolder(), result.htmlReport().orElseThrow());

        SimulationStats stats = SimulationStats.read(result.simulationLog());
        assertEquals(Simulations.HELLO, stats.run().simulationClass());
        assertEquals(PHASES, List.copyOf(stats.phases().keySet()), "every phase, in the order they ran");
        assertEquals(Map.of(), stats.errorsOutsideRequests());
        for (PhaseStats phase : stats.phases().values()) {
            PhaseName.parse(phase.phase());
            assertTrue(phase.ok() > 0, phase.phase() + " has OK requests");
            assertEquals(0, phase.ko(), phase.phase() + " has no KO: " + phase.errors());
            assertEquals(phase.ok(), phase.timeline().ok().stream().mapToLong(Long::longValue).sum());
        }
        assertEquals(RATE * RATE_SECONDS, stats.phases().get(PhaseName.rate(RATE).toString()).ok(),
                "the open model sends rate x seconds requests, however the server answers");

        Map<String, List<Long>> responseTimes = okResponseTimes(result.simulationLog());
        GatlingReport report = GatlingReport.read(result.htmlReport().orElseThrow());
        for (PhaseStats phase : stats.phases().values()) {
            List<Long> exact = responseTimes.get(phase.phase());
            assertEquals(exact.size(), phase.ok());
            assertEquals(phase.ok(), report.count(phase.phase(), "OK"), phase.phase() + ": Gatling's OK count");
            assertEquals(phase.ko(), report.count(phase.phase(), "KO"), phase.phase() + ": Gatling's KO count");
            Latency latency = phase.latency();
            assertPercentile(phase.phase(), 50, latency.p50Ms(), exact, report.millis(phase.phase(), "50th pct"));
            assertPercentile(phase.phase(), 90, latency.p90Ms(), exact, report.millis(phase.phase(), "90th pct"));
            assertPercentile(phase.phase(), 99, latency.p99Ms(), exact, report.millis(phase.phase(), "99th pct"));
            assertPercentile(phase.phase(), 99.9, latency.p999Ms(), exact, report.millis(phase.phase(), "99.9th pct"));
            assertWithinPrecision(phase.phase() + " max", exact.getLast(), latency.maxMs());
            assertEquals((double) exact.getLast(), report.millis(phase.phase(), "Max"), phase.phase() + ": Gatling's max");
        }
    }

    @Test
    void anInterruptedRunLeavesNoProcessBehind() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        GatlingCommand command = command(Map.of(SimulationProperties.LEVEL_SECONDS, "600"))
                // A shell that cannot exec the JVM in its place, so the JVM is a child: the whole tree must die.
                .withPrefix(List.of("sh", "-c", "\"$0\" \"$@\"; exit $?"));
        try (GatlingProcess gatling = GatlingProcess.start(command, results.resolve("gatling.log"), line -> {
            if (line.contains("HelloSimulation started")) {
                started.countDown();
            }
        })) {
            assertTrue(started.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), "Gatling started");
            ProcessHandle shell = ProcessHandle.of(gatling.process().pid()).orElseThrow();
            List<ProcessHandle> tree = new ArrayList<>(shell.descendants().toList());
            tree.add(shell);
            assertFalse(tree.size() < 2, "the shell and the JVM it runs: " + tree);

            CompletableFuture<String> outcome = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    gatling.await();
                    outcome.complete("returned");
                } catch (InterruptedException e) {
                    outcome.complete("interrupted");
                } catch (IOException e) {
                    outcome.complete(e.toString());
                }
            });
            waiter.interrupt();
            assertEquals("interrupted", outcome.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            for (ProcessHandle process : tree) {
                assertFalse(process.isAlive(), "process " + process.pid() + " " + process.info().command());
            }
        }
    }

    private GatlingCommand command(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                SimulationProperties.TARGET, "http://127.0.0.1:" + server.address().getPort(),
                SimulationProperties.WARMUP_SECONDS, "1",
                SimulationProperties.WARMUP_USERS, "2",
                SimulationProperties.LEVELS, "1,4",
                SimulationProperties.RATES, Integer.toString(RATE),
                SimulationProperties.RATE_SECONDS, Integer.toString(RATE_SECONDS)));
        properties.putAll(overrides);
        return GatlingCommand.of(ROOT, Simulations.HELLO, properties, results);
    }

    /** Every OK response time per phase, sorted: the exact distribution, with no histogram in between. */
    private static Map<String, List<Long>> okResponseTimes(Path simulationLog) throws IOException {
        Map<String, List<Long>> times = new HashMap<>();
        SimulationLog.read(simulationLog, record -> {
            if (record instanceof RequestRecord request && request.ok()) {
                times.computeIfAbsent(request.name(), name -> new ArrayList<>()).add(request.responseTimeMs());
            }
        });
        times.values().forEach(list -> list.sort(null));
        return times;
    }

    /** The value at or below which {@code percentile} percent of the sorted values lie, as HdrHistogram ranks. */
    private static long exactPercentile(List<Long> sorted, double percentile) {
        int rank = (int) Math.ceil(Math.min(percentile, 100) / 100 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /**
     * Ours is the exact percentile to HdrHistogram's precision. Gatling's is a t-digest estimate rounded to the
     * millisecond, so it must lie within a percentile point and a millisecond of the exact distribution.
     */
    private static void assertPercentile(String phase, double percentile, double ours, List<Long> sorted,
            double gatlings) {
        String what = phase + " p" + percentile;
        assertWithinPrecision(what, exactPercentile(sorted, percentile), ours);
        double low = exactPercentile(sorted, percentile - ESTIMATE_RANKS) - REPORT_ROUNDING_MS;
        double high = exactPercentile(sorted, percentile + ESTIMATE_RANKS) + REPORT_ROUNDING_MS;
        assertTrue(gatlings >= low && gatlings <= high,
                what + ": Gatling's " + gatlings + " ms is not within [" + low + ", " + high + "] ms");
    }

    private static void assertWithinPrecision(String what, long exactMs, double ours) {
        assertTrue(ours >= exactMs && ours <= exactMs * (1 + PRECISION),
                what + ": ours " + ours + " ms, exact " + exactMs + " ms");
    }
}
