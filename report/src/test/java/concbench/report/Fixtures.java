package concbench.report;

import concbench.formats.ResultsFolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The checked-in fixtures (src/test/resources), copied into a test's own folder since the report writes there. */
final class Fixtures {
    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the results files (not the README) of the fixture folder {@code name} into {@code into}. */
    static Path copy(String name, Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(resource(name))) {
            files.filter(file -> file.getFileName().toString().endsWith(".json")).forEach(file -> {
                try {
                    Files.copy(file, into.resolve(file.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return into;
    }

    /**
     * Adds fan-out widths to a copied run: each fan-out trial file again as width {@code width} (its
     * {@code fanoutCalls} set, its file named {@code fanout<width>}), figures unchanged, so a run of one width reads
     * as a run of several.
     */
    static void widen(Path dir, int... widths) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("-fanout-")).toList()) {
                for (int width : widths) {
                    ObjectNode trial = (ObjectNode) json.readTree(file.toFile());
                    trial.put("fanoutCalls", width);
                    json.writeValue(file.resolveSibling(file.getFileName().toString()
                            .replace("-fanout-", "-fanout" + width + "-")).toFile(), trial);
                }
            }
        }
    }

    /** Writes the report of {@code dir} and returns report.html's text. */
    static String html(Path dir) throws Exception {
        Report.write(ResultsFolder.read(dir));
        return Files.readString(dir.resolve(Report.HTML_FILE));
    }

    static String summary(Path dir) throws IOException {
        return Files.readString(dir.resolve(Report.SUMMARY_FILE));
    }
}
