package concbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The long texts people read (a table's notes, a chart's caption, the gate's method): each a text file under
 * {@code src/main/resources}, beside the class that shows it, so that prose is edited as prose and not inside string
 * literals. A file holds one paragraph wrapped at will: its lines are joined with single spaces. A {@code {name}} in
 * it stands for a figure or a mark the code fills in, so that a threshold or a symbol is declared once.
 */
public final class Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final String SUFFIX = ".txt";

    private Texts() {
    }

    /** The paragraph {@code name}{@value #SUFFIX} beside {@code owner}, which has no placeholder. */
    public static String paragraph(Class<?> owner, String name) {
        return paragraph(owner, name, Map.of());
    }

    /**
     * The paragraph {@code name}{@value #SUFFIX} beside {@code owner} with every {@code {key}} replaced by its value.
     *
     * @throws IllegalStateException when the file is missing, names a placeholder without a value, or a value has
     *                               no placeholder: a text and its code that drifted apart fail the first test
     */
    public static String paragraph(Class<?> owner, String name, Map<String, String> values) {
        String template = read(owner, name + SUFFIX).strip().replaceAll("\\s*\\R\\s*", " ");
        StringBuilder text = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        Set<String> used = new HashSet<>();
        while (placeholder.find()) {
            String key = placeholder.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException(name + SUFFIX + " names {" + key + "}, which has no value");
            }
            used.add(key);
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        if (!used.containsAll(values.keySet())) {
            throw new IllegalStateException(name + SUFFIX + " has no place for " + values.keySet().stream()
                    .filter(k -> !used.contains(k)).toList());
        }
        return text.toString();
    }

    private static String read(Class<?> owner, String file) {
        try (InputStream in = owner.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no text " + file + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text " + file, e);
        }
    }
}
