package concbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorErrorTest {
    /** The message every failed request of quick-4's hello step at 20,000 req/s carried, as Gatling 3.15 wrote it. */
    static final String EMFILE =
            "i.n.c.u.Errors$NativeIoException: newSocketStream(..) failed with error(-24): Too many open files";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void namesTheGeneratorsOwnLimitsByErrnoAndByText() {
        assertEquals(Optional.of(GeneratorError.FILE_DESCRIPTORS), GeneratorError.of(EMFILE));
        assertEquals(Optional.of(GeneratorError.FILE_DESCRIPTORS),
                GeneratorError.of("j.n.SocketException: Too many open files in system"));
        assertEquals(Optional.of(GeneratorError.LOCAL_PORTS), GeneratorError.of("i.n.c.AbstractChannel$Annotated"
                + "ConnectException: connect(..) failed with error(-99): Cannot assign requested address: "
                + "/127.0.0.1:8080"));
        assertEquals(Optional.of(GeneratorError.LOCAL_PORTS),
                GeneratorError.of("j.n.BindException: Cannot assign requested address"));
        assertEquals(Optional.of(GeneratorError.SOCKET_MEMORY),
                GeneratorError.of("i.n.c.u.Errors$NativeIoException: writev(..) failed with error(-105): x"));
    }

    @Test
    void leavesTheServersFailuresToTheServer() {
        for (String server : List.of("status.find.is(200), but actually found 503",
                "i.n.c.AbstractChannel$AnnotatedConnectException: connect(..) failed with error(-111): Connection "
                        + "refused: /127.0.0.1:8080",
                "i.n.c.u.Errors$NativeIoException: recvAddress(..) failed with error(-104): Connection reset by peer",
                "i.g.h.c.i.RequestTimeoutException: Request timeout to 127.0.0.1/127.0.0.1:8080 after 60000 ms",
                "Premature close")) {
            assertEquals(Optional.empty(), GeneratorError.of(server), server);
        }
        assertEquals(Optional.empty(), GeneratorError.of(null));
    }

    @Test
    void aPhaseCountsTheGeneratorsFailuresApartFromTheServers() {
        PhaseStats stats = stats(Map.of(EMFILE, 11_208L, "status.find.is(200), but actually found 500", 3L));
        assertEquals(11_208, stats.generatorErrors());
        assertEquals(3, stats.serverErrors());
        assertEquals(List.of("the load generator ran out of file descriptors: 11208 requests failed to open a socket"),
                GeneratorError.reasons(stats.errors()));
        assertEquals("the load generator ran out of local ports: 1 request found no free local port to connect from",
                GeneratorError.LOCAL_PORTS.reason(1));
        PhaseResult phase = new PhaseResult("rate-20000", "rate", 0, 20_000, stats, null);
        assertTrue(phase.generatorBound(), "a phase whose generator failed requests is generator-bound");
        assertFalse(new PhaseResult("rate-20000", "rate", 0, 20_000, stats(Map.of("Premature close", 3L)), null)
                .generatorBound());
    }

    @Test
    void aLadderTheGeneratorEndedSaysSoEvenWhereTheTrialRecordedTheFailuresAsTheServers() {
        PhaseStats failing = stats(Map.of(EMFILE, 11_208L));
        PhaseResult step = new PhaseResult("rate-20000", "rate", 0, 20_000, failing, null,
                new RateSchedule(20_000, 4836, 4790, false, "Gatling sent 4836 of 20000 req/s", true));
        Ladder recorded = new Ladder(List.of(10_000, 20_000), 20_000,
                "Gatling sent 4836 of 20000 req/s; 11208 request(s) failed");
        TrialResult trial = new TrialResult(2, "netty", "hello", 1, Map.of(), Map.of(), TrialResult.OK, null, null,
                "s", "e", null, Map.of(), List.of(step), null, null, null, recorded);
        assertEquals("the load generator ran out of file descriptors: 11208 requests failed to open a socket; "
                + "Gatling sent 4836 of 20000 req/s", trial.ladderEnd());
        PhaseResult serversStep = new PhaseResult("rate-20000", "rate", 0, 20_000,
                stats(Map.of("Premature close", 3L)), null, step.schedule());
        TrialResult servers = new TrialResult(2, "netty", "hello", 1, Map.of(), Map.of(), TrialResult.OK, null, null,
                "s", "e", null, Map.of(), List.of(serversStep), null, null, null,
                new Ladder(List.of(20_000), 20_000, "3 request(s) failed"));
        assertEquals("3 request(s) failed", servers.ladderEnd(), "the server's failures keep the recorded reason");
    }

    @Test
    void theCountIsWrittenForReadersAndWorkedOutAgainWhenRead() throws Exception {
        PhaseStats stats = stats(Map.of(EMFILE, 5L));
        Path file = dir.resolve("stats.json");
        ResultFiles.write(file, stats);
        String written = Files.readString(file);
        assertTrue(written.contains("\"generatorErrors\" : 5"), written);
        assertEquals(stats, JSON.readValue(file.toFile(), PhaseStats.class));
        // A version-2 phase written before the count: the same failures, the same count.
        ObjectNode before = (ObjectNode) JSON.readTree(file.toFile());
        before.remove("generatorErrors");
        assertFalse(before.toString().contains("generatorErrors"));
        assertEquals(5, JSON.treeToValue(before, PhaseStats.class).generatorErrors());
    }

    private static PhaseStats stats(Map<String, Long> errors) {
        long ko = errors.values().stream().mapToLong(Long::longValue).sum();
        return new PhaseStats("rate-20000", 100, ko, new LinkedHashMap<>(errors), 0, 1000, 100,
                new Latency(100, 1, 2, 3, 4, 5), new Timeline(0, List.of(), List.of()), 900);
    }
}
