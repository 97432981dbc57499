package concbench.runner.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationLogTest {
    private static final String VERSION = "3.15.1";
    private static final long START = 1_790_000_000_000L;
    private static final List<String> SCENARIOS = List.of("warmup", "sweep-4");

    @TempDir
    Path folder;

    @Test
    void theReaderKnowsThePinnedGatling() {
        String pinned = System.getProperty("gatling.version");
        assertTrue(SimulationLog.KNOWN_VERSIONS.contains(pinned), "the parent pom pins Gatling " + pinned
                + ", whose simulation.log format SimulationLog does not know: check it and add the version");
    }

    @Test
    void readsTheRunAndEveryRequestAndErrorInFileOrder() throws IOException {
        String unicode = "KO: \u00e9t\u00e9 \u2192 \u65e5\u672c";
        Path file = SyntheticLog.run(VERSION, START, SCENARIOS)
                .user(0, true, START + 1)
                .request("warmup", START + 2, START + 5, true, "")
                .request("sweep-4", START + 10, START + 12, false, "status.find.is(200), but actually found 502")
                .request("sweep-4", START + 11, START + 13, false, "status.find.is(200), but actually found 502")
                .request("sweep-4", START + 12, START + 12, false, unicode)
                .user(1, false, START + 20)
                .error("Failed to build request: no attribute named 'x'", START + 21)
                .writeTo(folder.resolve("simulation.log"));

        List<LogRecord> records = new ArrayList<>();
        SimulationLog.Run run = SimulationLog.read(file, records::add);

        assertEquals(new SimulationLog.Run(VERSION, "concbench.gatling.HelloSimulation", START, "", SCENARIOS), run);
        assertEquals(List.of(
                new RequestRecord("warmup", START + 2, START + 5, true, ""),
                new RequestRecord("sweep-4", START + 10, START + 12, false, "status.find.is(200), but actually found 502"),
                new RequestRecord("sweep-4", START + 11, START + 13, false, "status.find.is(200), but actually found 502"),
                new RequestRecord("sweep-4", START + 12, START + 12, false, unicode),
                new ErrorRecord("Failed to build request: no attribute named 'x'", START + 21)), records);
    }

    @Test
    void readsALogLargerThanItsBuffer() throws IOException {
        SyntheticLog log = SyntheticLog.run(VERSION, START, SCENARIOS);
        int requests = 50_000;
        for (int i = 0; i < requests; i++) {
            log.request("sweep-4", START + i, START + i + 1, true, "");
        }
        String longMessage = "x".repeat(200_000);
        log.request("sweep-4", START, START + 1, false, longMessage);
        List<LogRecord> records = new ArrayList<>();
        SimulationLog.read(log.writeTo(folder.resolve("simulation.log")), records::add);

        assertEquals(requests + 1, records.size());
        assertEquals(new RequestRecord("sweep-4", START + requests - 1, START + requests, true, ""), records.get(requests - 1));
        assertEquals(longMessage, ((RequestRecord) records.getLast()).message());
    }

    @Test
    void refusesAnotherGatlingVersion() throws IOException {
        Path file = SyntheticLog.run("3.16.0", START, SCENARIOS).writeTo(folder.resolve("simulation.log"));
        IOException e = assertThrows(IOException.class, () -> SimulationLog.read(file, r -> { }));
        assertTrue(e.getMessage().contains("written by Gatling 3.16.0"), e.getMessage());
    }

    @Test
    void refusesAnUnknownRecordType() throws IOException {
        Path file = SyntheticLog.run(VERSION, START, SCENARIOS)
                .request("warmup", START, START + 1, true, "")
                .raw(9)
                .writeTo(folder.resolve("simulation.log"));
        IOException e = assertThrows(IOException.class, () -> SimulationLog.read(file, r -> { }));
        assertTrue(e.getMessage().contains("unknown type 9"), e.getMessage());
    }

    @Test
    void refusesAFileCutInsideARecord() throws IOException {
        byte[] whole = SyntheticLog.run(VERSION, START, SCENARIOS)
                .request("warmup", START, START + 1, true, "")
                .bytes();
        Path file = Files.write(folder.resolve("simulation.log"), Arrays.copyOf(whole, whole.length - 3));
        IOException e = assertThrows(IOException.class, () -> SimulationLog.read(file, r -> { }));
        assertTrue(e.getMessage().contains("cut short after record 1"), e.getMessage());
    }

    @Test
    void refusesWhatItCannotCountByName() throws IOException {
        Path grouped = SyntheticLog.run(VERSION, START, SCENARIOS)
                .groupedRequest("login", "warmup", START, START + 1)
                .writeTo(folder.resolve("grouped.log"));
        IOException e = assertThrows(IOException.class, () -> SimulationLog.read(grouped, r -> { }));
        assertTrue(e.getMessage().contains("inside the group [login]"), e.getMessage());

        Path groupRecord = SyntheticLog.run(VERSION, START, SCENARIOS)
                .raw(SyntheticLog.GROUP)
                .writeTo(folder.resolve("group-record.log"));
        e = assertThrows(IOException.class, () -> SimulationLog.read(groupRecord, r -> { }));
        assertTrue(e.getMessage().contains("group record"), e.getMessage());
    }

    @Test
    void refusesValuesOutOfTheirRange() throws IOException {
        Path badBoolean = SyntheticLog.run(VERSION, START, SCENARIOS)
                .raw(SyntheticLog.USER, 0, 0, 0, 0, 2, 0, 0, 0, 0)
                .writeTo(folder.resolve("boolean.log"));
        IOException e = assertThrows(IOException.class, () -> SimulationLog.read(badBoolean, r -> { }));
        assertTrue(e.getMessage().contains("where a boolean"), e.getMessage());

        Path badScenario = SyntheticLog.run(VERSION, START, SCENARIOS)
                .user(2, true, START)
                .writeTo(folder.resolve("scenario.log"));
        e = assertThrows(IOException.class, () -> SimulationLog.read(badScenario, r -> { }));
        assertTrue(e.getMessage().contains("names scenario 2 of 2"), e.getMessage());

        Path unknownCachedString = SyntheticLog.run(VERSION, START, SCENARIOS)
                .raw(SyntheticLog.ERROR, 0xFF, 0xFF, 0xFF, 0xF0, 0, 0, 0, 0)
                .writeTo(folder.resolve("cache.log"));
        e = assertThrows(IOException.class, () -> SimulationLog.read(unknownCachedString, r -> { }));
        assertTrue(e.getMessage().contains("cached string 16 before it appeared"), e.getMessage());

        Path hugeString = SyntheticLog.run(VERSION, START, SCENARIOS)
                .raw(SyntheticLog.ERROR, 0, 0, 0, 1, 0x7F, 0xFF, 0xFF, 0xFF, 65, 0)
                .writeTo(folder.resolve("huge.log"));
        e = assertThrows(IOException.class, () -> SimulationLog.read(hugeString, r -> { }));
        assertTrue(e.getMessage().contains("a string of 2147483647 bytes"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNoLog() throws IOException {
        Path empty = Files.write(folder.resolve("empty.log"), new byte[0]);
        IOException e = assertThrows(IOException.class, () -> SimulationLog.read(empty, r -> { }));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        Path text = Files.writeString(folder.resolve("text.log"), "RUN\tHelloSimulation\t3.9.5\n");
        e = assertThrows(IOException.class, () -> SimulationLog.read(text, r -> { }));
        assertTrue(e.getMessage().contains("does not start with a run record"), e.getMessage());
    }
}
