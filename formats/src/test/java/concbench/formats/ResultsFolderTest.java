package concbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import concbench.formats.ResultsFolder.Content;
import concbench.formats.RunResults.UnusableResultsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a folder holds, and what is said when it holds none of those asked for. */
class ResultsFolderTest {
    @TempDir
    Path dir;

    private String unusable(EnumSet<Content> wanted) {
        return assertThrows(UnusableResultsException.class, () -> ResultsFolder.read(dir, wanted)).getMessage();
    }

    @Test
    void aFolderHoldingNoneOfWhatIsAskedForSaysWhatWasLookedFor() {
        assertEquals(dir + " holds neither run.json (./bench run writes it) nor jmh.json (./bench jmh writes it)",
                unusable(EnumSet.of(Content.RUN, Content.JMH)));
        assertEquals(dir + " holds none of run.json (./bench run writes it), jmh.json (./bench jmh writes it) or "
                + "compare.json (./bench compare writes it)", unusable(EnumSet.allOf(Content.class)));
        assertEquals(dir + " holds no compare.json (./bench compare writes it)",
                unusable(EnumSet.of(Content.COMPARISON)));
        assertEquals(dir.resolve("missing") + " is not a folder", assertThrows(UnusableResultsException.class,
                () -> ResultsFolder.read(dir.resolve("missing"))).getMessage());
    }

    @Test
    void onlyWhatIsAskedForIsRead() throws Exception {
        Files.writeString(dir.resolve(Comparison.FILE), "{ broken");
        Files.writeString(dir.resolve(JmhResults.FILE), "[ { \"benchmark\" : \"a.B.c\", \"primaryMetric\" : "
                + "{ \"score\" : 1.0, \"scoreUnit\" : \"ops/s\" } } ]");
        ResultsFolder folder = ResultsFolder.read(dir, EnumSet.of(Content.RUN, Content.JMH));
        assertEquals("a.B.c", folder.jmh().runs().getFirst().benchmark());
        assertNull(folder.run());
        assertNull(folder.comparison(), "a comparison about to be replaced is not read");
        assertThrows(UnusableResultsException.class, () -> ResultsFolder.read(dir));
    }
}
