package concbench.runner.hosts;

import java.util.Arrays;
import java.util.Locale;

/** What a host does in a run on several machines: one server, one back end, one or more load generators. */
public enum Role {
    SERVER, BACKEND, LOADGEN;

    /** The word of the hosts file: {@code server}, {@code backend}, {@code loadgen}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role named(String word) {
        return Arrays.stream(values()).filter(role -> role.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + word + "'; a host is server, "
                        + "backend or loadgen"));
    }
}
