package concbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import concbench.formats.RunResults.UnusableResultsException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare.json read strictly: every field of the version documented, nothing else. */
class ComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ObjectNode golden;

    @BeforeEach
    void readGolden() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("compare-v2.json")) {
            golden = (ObjectNode) JSON.readTree(in);
        }
    }

    private Path write(ObjectNode tree) throws Exception {
        Path file = dir.resolve(Comparison.FILE);
        Files.writeString(file, tree.toPrettyString());
        return file;
    }

    private ObjectNode firstRow(ObjectNode tree) {
        return (ObjectNode) tree.get("rows").get(0);
    }

    @Test
    void readsEveryFieldOfVersionTwo() throws Exception {
        Comparison comparison = Comparison.read(write(golden));
        assertEquals(0.01, comparison.alpha());
        assertEquals(1, comparison.familySize());
        assertEquals("4415491-dirty", comparison.head().gitCommit());
        Comparison.Row row = comparison.rows().getFirst();
        assertEquals(Better.HIGHER, row.better());
        assertEquals(3, row.base().trials());
        assertEquals(2.9, row.detectableChangePercent());
        assertTrue(row.isRegression());
        assertTrue(!comparison.passed());
    }

    @Test
    void whatItWritesReadsBackTheSame() throws Exception {
        Comparison comparison = Comparison.read(write(golden));
        Path again = dir.resolve("again.json");
        ResultFiles.write(again, comparison);
        assertEquals(comparison, Comparison.read(again));
    }

    @Test
    void aRenamedOrUnknownFieldIsRefusedNotReadAsNull() throws Exception {
        ObjectNode renamed = golden.deepCopy();
        firstRow(renamed).set("outcome", firstRow(renamed).remove("verdict"));
        UnusableResultsException row = assertThrows(UnusableResultsException.class,
                () -> Comparison.read(write(renamed)));
        assertTrue(row.getMessage().contains("\"outcome\""), row.getMessage());

        ObjectNode unknown = golden.deepCopy();
        unknown.put("threshold", 5);
        assertThrows(UnusableResultsException.class, () -> Comparison.read(write(unknown)));
    }

    @Test
    void versionOneReadsWithoutTheFieldsVersionTwoAdded() throws Exception {
        ObjectNode one = golden.deepCopy();
        one.put("formatVersion", 1);
        one.remove("alpha");
        one.remove("familySize");
        firstRow(one).remove("adjustedPValue");
        firstRow(one).remove("detectableChangePercent");
        firstRow(one).remove("notGatedReason");
        Comparison comparison = Comparison.read(write(one));
        assertEquals(0, comparison.familySize());
        assertNull(comparison.rows().getFirst().adjustedPValue());
    }

    @Test
    void anotherVersionOrNoRunIsRefusedWithItsReason() throws Exception {
        ObjectNode future = golden.deepCopy();
        future.put("formatVersion", Comparison.FORMAT_VERSION + 1);
        assertEquals(dir.resolve(Comparison.FILE) + " has comparison format version 3, this suite reads versions 1 "
                + "to 2", assertThrows(UnusableResultsException.class, () -> Comparison.read(write(future)))
                .getMessage());

        ObjectNode headless = golden.deepCopy();
        headless.remove("head");
        assertTrue(assertThrows(UnusableResultsException.class, () -> Comparison.read(write(headless))).getMessage()
                .endsWith("names no base or head run"));

        Files.writeString(dir.resolve("empty.json"), "");
        assertTrue(assertThrows(UnusableResultsException.class, () -> Comparison.read(dir.resolve("empty.json")))
                .getMessage().endsWith("empty.json is empty"));
    }
}
