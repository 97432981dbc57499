package concbench.contract;

import java.util.List;

/**
 * An option of one server alone, beyond the options every server takes ({@link ServerConfig}): a name and the
 * values it may take, the first being the default. A variant of an implementation ({@link Variant}) is the
 * implementation started with some of its options set, e.g. loom with {@code --client jdk}.
 *
 * @param name    the option's name on the command line, without the dashes; lower-case letters and digits
 * @param help    one line for {@code --help}
 * @param choices the values it takes, the default first
 */
public record ServerOption(String name, String help, List<String> choices) {

    public ServerOption {
        if (!Variant.isWord(name)) {
            throw new IllegalArgumentException("an option name is lower-case letters and digits, got '" + name + "'");
        }
        choices = List.copyOf(choices);
        if (choices.isEmpty() || !choices.stream().allMatch(Variant::isWord)) {
            throw new IllegalArgumentException("option " + name + " needs choices of lower-case letters and digits");
        }
    }

    public String defaultValue() {
        return choices.getFirst();
    }

    /** @throws IllegalArgumentException naming the choices when the value is none of them */
    public String check(String value) {
        if (!choices.contains(value)) {
            throw new IllegalArgumentException("--" + name + " must be one of " + String.join(", ", choices)
                    + ", got '" + value + "'");
        }
        return value;
    }

    /** The value the config gives this option, or its default. */
    public String valueIn(ServerConfig config) {
        return check(config.options().getOrDefault(name, defaultValue()));
    }

    /** The line of {@code --help}: the help text, the choices and the default. */
    String usage() {
        return help + " (" + String.join(" or ", choices) + "; default " + defaultValue() + ")";
    }
}
