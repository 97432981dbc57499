package concbench.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An implementation with named server options: what {@code ./bench run --impls} lists, what a results row is
 * about, and what the conformance suite checks. Written {@code IMPL} or {@code IMPL:OPTION=VALUE[:OPTION=VALUE]},
 * e.g. {@code loom:client=jdk}, which starts the loom server with {@code --client jdk}. Names and values are
 * lower-case letters and digits, so a variant never clashes with the comma of a list or the dashes of a file name.
 *
 * <p>Its {@linkplain #name() name} lists the options in alphabetical order, so each variant has one spelling. Its
 * {@linkplain #fileId() file id}, used in file and folder names, is the name with each {@code :} written as
 * {@code +} (a colon is not allowed in file names on Windows and is shown as a slash by macOS): {@code
 * loom+client=jdk-fanout-1.json}.
 *
 * @param implementation the implementation's name, e.g. {@code loom}
 * @param options        option name to value, without dashes; empty for the implementation as it is
 */
public record Variant(String implementation, SortedMap<String, String> options) {
    /** Between the implementation and each option in a name. */
    public static final String SEPARATOR = ":";
    /** What stands for {@link #SEPARATOR} in a file id. */
    public static final String FILE_SEPARATOR = "+";
    private static final String ASSIGN = "=";
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

    public Variant {
        if (!isWord(implementation)) {
            throw new IllegalArgumentException("an implementation name is lower-case letters and digits, got '"
                    + implementation + "'");
        }
        options.forEach((name, value) -> {
            if (!isWord(name) || !isWord(value)) {
                throw new IllegalArgumentException("an option of a variant is NAME=VALUE in lower-case letters and "
                        + "digits, got '" + name + ASSIGN + value + "'");
            }
        });
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
    }

    public static Variant of(String implementation, Map<String, String> options) {
        return new Variant(implementation, new TreeMap<>(options));
    }

    /**
     * Reads {@code IMPL[:OPTION=VALUE]...}.
     *
     * @throws IllegalArgumentException saying what is wrong and how a variant is written
     */
    public static Variant parse(String text) {
        String[] parts = text.split(SEPARATOR, -1);
        SortedMap<String, String> options = new TreeMap<>();
        try {
            for (int i = 1; i < parts.length; i++) {
                String[] option = parts[i].split(ASSIGN, -1);
                if (option.length != 2) {
                    throw new IllegalArgumentException("'" + parts[i] + "' is not OPTION=VALUE");
                }
                if (options.put(option[0], option[1]) != null) {
                    throw new IllegalArgumentException("option " + option[0] + " is given twice");
                }
            }
            return new Variant(parts[0], options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad variant '" + text + "': " + e.getMessage()
                    + " (write IMPL or IMPL:OPTION=VALUE[:OPTION=VALUE], e.g. loom:client=jdk)");
        }
    }

    /** E.g. {@code loom} or {@code loom:client=jdk}. */
    public String name() {
        StringBuilder name = new StringBuilder(implementation);
        options.forEach((option, value) -> name.append(SEPARATOR).append(option).append(ASSIGN).append(value));
        return name.toString();
    }

    /** The name as it appears in file and folder names, e.g. {@code loom+client=jdk}. */
    public String fileId() {
        return name().replace(SEPARATOR, FILE_SEPARATOR);
    }

    /** The command-line arguments that select the options, e.g. {@code --client jdk}. */
    public List<String> args() {
        List<String> args = new ArrayList<>();
        options.forEach((option, value) -> {
            args.add("--" + option);
            args.add(value);
        });
        return args;
    }

    static boolean isWord(String text) {
        return text != null && WORD.matcher(text).matches();
    }
}
