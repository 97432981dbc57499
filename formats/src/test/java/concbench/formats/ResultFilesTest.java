package concbench.formats;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
    @TempDir
    Path temp;

    @Test
    void deleteTreeDeletesAFolderWithEverythingInItAndNothingBeside() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("run/gatling/trial"));
        Files.writeString(folder.resolve("simulation.log"), "records");
        Files.writeString(temp.resolve("run/run.json"), "{}");
        Path beside = Files.writeString(temp.resolve("beside.json"), "{}");
        ResultFiles.deleteTree(temp.resolve("run"));
        assertFalse(Files.exists(temp.resolve("run")));
        assertTrue(Files.exists(beside));
    }

    @Test
    void deleteTreeOfNoFolderDoesNothing() {
        assertDoesNotThrow(() -> ResultFiles.deleteTree(temp.resolve("missing")));
    }
}
