package concbench.gate;

import static concbench.gate.Synthetic.run;
import static concbench.gate.Synthetic.throughputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concbench.formats.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on folders written as the runner writes them: exit codes, files, messages. */
class GateTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int compare(Path base, Path head, String... thresholds) {
        return new Gate(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).compare(base, head, List.of(thresholds));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRegressionExitsOneAndWritesTheContractAndTheSummary() throws Exception {
        Path base = Synthetic.write(dir.resolve("base"), run(throughputs(10_000, 10_100, 9_900)));
        Path head = Synthetic.write(dir.resolve("head"), run(throughputs(8_000, 8_050, 7_950)));

        assertEquals(Gate.REGRESSION, compare(base, head), errors());

        JsonNode json = new ObjectMapper().readTree(head.resolve("compare.json").toFile());
        assertEquals(2, json.get("formatVersion").asInt());
        assertEquals(0.01, json.get("alpha").asDouble());
        assertEquals(7, json.get("familySize").asInt(), "throughput, p50, p90, p99, p999 and CPU in two phases");
        assertEquals(base.toString(), json.get("base").get("dir").asText());
        assertEquals("abc", json.get("head").get("gitCommit").asText());
        assertEquals("smoke", json.get("head").get("profile").asText());
        assertEquals(1, json.get("regressions").asInt());
        assertTrue(json.get("method").asText().contains("Holm-Bonferroni"));
        assertTrue(json.get("environmentWarnings").isEmpty());
        JsonNode row = json.get("rows").get(0);
        for (String field : List.of("implementation", "scenario", "phase", "metric", "unit", "better", "base", "head",
                "changePercent", "thresholdPercent", "pValue", "adjustedPValue", "detectableChangePercent", "evidence",
                "verdict", "notGatedReason", "note")) {
            assertTrue(row.has(field), "row field " + field + " in " + row);
        }
        assertEquals("throughput", row.get("metric").asText());
        assertEquals("higher", row.get("better").asText());
        assertEquals("regression", row.get("verdict").asText());
        assertEquals(3, row.get("base").get("values").size());

        String md = Files.readString(head.resolve("compare.md"));
        assertTrue(md.startsWith("**Performance gate FAIL: 1 regression"), md);
        assertTrue(md.indexOf("### Regressions and improvements") < md.indexOf("<details>"), md);
        assertTrue(md.contains("</details>"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FAIL: 1 regression"), text);
    }

    @Test
    void noRegressionExitsZeroAndEnvironmentsThatDifferAreWarnedAbout() throws Exception {
        Path base = Synthetic.write(dir.resolve("base"), run(throughputs(10_000, 10_100), Profile.SMOKE, "Xeon"));
        Path head = Synthetic.write(dir.resolve("head"), run(throughputs(10_050, 9_950), Profile.QUICK, "EPYC"));

        assertEquals(Gate.PASS, compare(base, head), errors());
        JsonNode warnings = new ObjectMapper().readTree(head.resolve("compare.json").toFile())
                .get("environmentWarnings");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).asText().contains("CPU model differs: base Xeon, head EPYC"), warnings.toString());
        assertTrue(warnings.get(1).asText().contains("profile differs"), warnings.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("warning: the CPU model differs"));
        assertTrue(Files.readString(head.resolve("compare.md")).startsWith("**Performance gate PASS"));
    }

    @Test
    void unusableInputExitsTwoWithOneClearLine() throws Exception {
        Path good = Synthetic.write(dir.resolve("good"), run(throughputs(10_000, 10_100)));

        assertUnusable("is not a folder", dir.resolve("missing"), good);

        Files.createDirectories(dir.resolve("empty"));
        assertUnusable("holds neither run.json", good, dir.resolve("empty"));

        Path future = Synthetic.write(dir.resolve("future"), run(throughputs(10_000)));
        Files.writeString(future.resolve("run.json"), Files.readString(future.resolve("run.json"))
                .replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"));
        assertUnusable("format version 3, this suite reads versions 1 to 2", good, future);

        Path jmhOnly = Files.createDirectories(dir.resolve("jmh"));
        Files.copy(getClass().getResourceAsStream("jmh-base.json"), jmhOnly.resolve("jmh.json"));
        assertUnusable("nothing in common", good, jmhOnly);

        assertUnusable("--threshold takes METRIC=PERCENT", good, good, "speed=5");
        assertFalse(Files.exists(good.resolve("compare.json")), "nothing written on unusable input");
    }

    private void assertUnusable(String message, Path base, Path head, String... thresholds) {
        err.reset();
        assertEquals(Gate.UNUSABLE, compare(base, head, thresholds));
        String first = errors().lines().findFirst().orElse("");
        assertTrue(first.startsWith("bench compare: ") && first.contains(message), errors());
        assertFalse(errors().contains("\tat "), "no stack trace: " + errors());
    }
}
