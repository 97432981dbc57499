package concbench.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the results files, and the gate's: JSON, each written to a temporary file beside its target and renamed
 * over it, so a reader, or a run stopped half-way, never sees half a file.
 */
public final class ResultFiles {
    /** The version of the results format that {@code results/README.md} documents; bump it on any change. */
    public static final int FORMAT_VERSION = 2;
    /**
     * The oldest version this suite still reads: version 2 only added fields, so a version-1 file reads with them
     * absent (null, or 0 for a number).
     */
    public static final int OLDEST_READABLE_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    public static void write(Path file, Object value) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), value);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
