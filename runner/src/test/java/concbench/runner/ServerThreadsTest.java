package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.backend.DelayBackend;
import concbench.contract.Contract;
import concbench.contract.Variant;
import concbench.formats.CpuSet;
import concbench.formats.PhaseCost;
import concbench.formats.ThreadRole;
import concbench.formats.TrialResult;
import concbench.runner.process.ChildProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPU by thread role on a real process of every implementation, and of the back end the floor measures: each
 * started from its runnable jar exactly as a run starts it, loaded with fan-out requests while a
 * {@link ProcSampler} reads its threads. Its request threads are found by the names its
 * {@code thread-roles.properties} declares, and the roles add up to the process's own CPU time. The jars are
 * those {@code ./bench test} (or {@code mvn package}) builds before this module's tests.
 */
class ServerThreadsTest {
    private static final Path ROOT = Path.of(System.getProperty("concbench.root")).toAbsolutePath().normalize();
    private static final Duration LOAD = Duration.ofSeconds(4);
    private static final int CLIENTS = 32;
    private static final int CALLS = 10;
    /** The roles must add up to the process's CPU time within this share of it. */
    private static final double SUM_TOLERANCE = 0.05;

    private static DelayBackend backend;

    @BeforeAll
    static void startBackend() throws Exception {
        backend = DelayBackend.start("127.0.0.1", 0, 1);
    }

    @AfterAll
    static void stopBackend() throws Exception {
        backend.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"netty", "vertx", "undertow", "loom", TrialResult.FLOOR})
    void requestThreadsAreFoundByNameAndTheRolesAddUpToTheTotal(String implementation) throws Exception {
        Launcher launcher = new Launcher(ROOT);
        boolean floor = implementation.equals(TrialResult.FLOOR);
        Path jar = launcher.runnableJar(floor ? Launcher.BACKEND : Launcher.serverModule(implementation));
        CpuSet cpus = BenchRun.availableCpus();
        List<String> command = floor ? launcher.backend(cpus)
                : launcher.server(Variant.parse(implementation), cpus, "http://127.0.0.1:" + backend.address().getPort());
        Path log = Files.createTempFile(implementation, ".log");
        try (ChildProcess server = ChildProcess.start(implementation, command, log, line -> { })) {
            int port = server.awaitListening(Duration.ofSeconds(60));
            String path = floor ? Contract.delayPathAndQuery(1, 1)
                    : Contract.FANOUT_PATH + "?" + Contract.CALLS_PARAM + "=" + CALLS + "&" + Contract.DELAY_PARAM + "=1";
            ProcSampler sampler = new ProcSampler(Path.of("/proc"), server.pid(), ProcessHandle.current().pid(),
                    ProcSampler.NO_PROCESS, ThreadRoles.ofJar(jar));
            long requests;
            try (sampler) {
                requests = load(URI.create("http://127.0.0.1:" + port + path));
            }
            assertTrue(sampler.failure().isEmpty(), sampler.failure().orElse(""));
            List<ProcSampler.Sample> readings = sampler.samples().stream().filter(s -> s.roles() != null).toList();
            ProcSampler.Sample first = readings.getFirst();
            ProcSampler.Sample last = readings.getLast();
            long total = last.serverCpuNanos() - first.serverCpuNanos();
            long roles = last.roles().total() - first.roles().total();
            assertTrue(total > 0, "the server spent CPU time under load");
            assertEquals(total, roles, SUM_TOLERANCE * total, implementation + ": the roles add up to the total");

            PhaseCost cost = PhaseCosts.of(sampler.samples(), first.epochMs(), last.epochMs(), requests,
                    cpus.size(), cpus.size(), PhaseCosts.NO_BACKEND, false);
            assertNotNull(cost.cpuMicrosPerRequestByRole());
            Map<String, Integer> threads = cost.threadsByRole();
            assertTrue(threads.get(ThreadRole.REQUEST.key()) >= 1, implementation + " has request threads: " + threads);
            assertTrue(cost.cpuMicrosPerRequest(ThreadRole.REQUEST) > 0, implementation + "'s request threads "
                    + "served the requests: " + cost.cpuMicrosPerRequestByRole());
            assertTrue(threads.get(ThreadRole.COMPILER.key()) >= 1, "the JVM's compiler threads: " + threads);
            assertTrue(threads.get(ThreadRole.GC.key()) >= 1, "the JVM's GC threads: " + threads);
            if (implementation.equals("undertow")) {
                assertTrue(threads.get(ThreadRole.BACKEND_CLIENT.key()) >= 1, "undertow's fan-out pool: " + threads);
            }
            assertEquals(cost.serverCpuMicrosPerRequest(), cost.cpuMicrosPerRequestOfRoles(),
                    SUM_TOLERANCE * cost.serverCpuMicrosPerRequest(), implementation + ": per request too");
        }
    }

    /** {@value #CLIENTS} clients sending requests one after another for {@link #LOAD}; the requests answered. */
    private static long load(URI uri) throws Exception {
        AtomicLong answered = new AtomicLong();
        long end = System.nanoTime() + LOAD.toNanos();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpRequest request = HttpRequest.newBuilder(uri).build();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            answered.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        return answered.get();
    }
}
