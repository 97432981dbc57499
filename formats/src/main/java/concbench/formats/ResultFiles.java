package concbench.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import concbench.formats.RunResults.UnusableResultsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes every file the suite writes (the results files, {@code compare.json}, and the text files beside them:
 * {@code compare.md}, the report), each to a temporary file beside its target and renamed over it, so a reader,
 * or a run stopped half-way, never sees half a file. And parses a JSON file for the readers, with one message
 * for a file that is empty or not JSON.
 */
public final class ResultFiles {
    /** The version of the run and trial files that {@code results/README.md} documents; bump it on any change. */
    public static final int FORMAT_VERSION = 2;
    /**
     * The oldest version this suite still reads: version 2 only added fields, so a version-1 file reads with them
     * absent (null, or 0 for a number).
     */
    public static final int OLDEST_READABLE_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** {@code value} as pretty-printed JSON. */
    public static void write(Path file, Object value) throws IOException {
        Path temporary = temporary(file);
        JSON.writeValue(temporary.toFile(), value);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code text} in UTF-8. */
    public static void writeText(Path file, String text) throws IOException {
        Path temporary = temporary(file);
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes a folder the suite wrote, with everything in it; nothing when there is no such folder. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path temporary(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }

    /** @throws UnusableResultsException when the file cannot be read, is empty, or is not JSON */
    static JsonNode readTree(Path file) throws UnusableResultsException {
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UnusableResultsException(file + " is not valid JSON: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new UnusableResultsException(file + " is empty");
        }
        return tree;
    }
}
