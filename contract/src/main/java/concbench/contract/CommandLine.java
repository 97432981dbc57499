package concbench.contract;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --name value} and {@code --name=value} options, each checked against the options a program declares, so
 * that a typo is an error rather than a silently ignored flag.
 */
public final class CommandLine {
    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param known the option names the program accepts, without the leading dashes, with their help texts
     * @throws IllegalArgumentException for an unknown option, a missing value or a repeated option
     */
    public static CommandLine parse(String[] args, Map<String, String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("option --" + name + " is given twice");
            }
        }
        return new CommandLine(values);
    }

    public String string(String name, String absent) {
        return values.getOrDefault(name, absent);
    }

    /** @throws IllegalArgumentException when the value is not an integer from min to max */
    public int integer(String name, int absent, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the bounds
        }
        throw new IllegalArgumentException("--" + name + " must be an integer from " + min + " to " + max
                + ", got '" + value + "'");
    }

    /** Formats the options and their help texts, one per line, for a usage message. */
    public static String usage(Map<String, String> known) {
        StringBuilder text = new StringBuilder();
        known.forEach((name, help) -> text.append(String.format("  --%-24s %s%n", name, help)));
        return text.toString();
    }

    /** A map that keeps the order options are declared in, for {@link #usage}. */
    public static Map<String, String> options(String... nameAndHelp) {
        Map<String, String> known = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameAndHelp.length; i += 2) {
            known.put(nameAndHelp[i], nameAndHelp[i + 1]);
        }
        return known;
    }
}
