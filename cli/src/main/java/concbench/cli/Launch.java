package concbench.cli;

import concbench.runner.Launcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * For {@code ./bench serve IMPL [ARGS]} and {@code ./bench backend [ARGS]}: the command line that starts that jar
 * in the foreground ({@link Launcher#foreground}), each word ended by a NUL, for {@code ./bench} to {@code exec} so
 * that the server's JVM is the process that receives Ctrl-C and SIGTERM. The arguments after the implementation
 * are the jar's own and are passed as they are, {@code --help} included.
 */
@Command(name = "launch", hidden = true,
        description = "Print the command line of serve IMPL [ARGS] or backend [ARGS], NUL-separated, for ./bench.")
final class Launch implements Callable<Integer> {
    /** As the shell's own errors: the user asked for something this checkout does not have. */
    static final int UNKNOWN = 1;

    @ParentCommand
    Bench bench;

    /** Everything, options included: they belong to the server, not to this command. */
    @Unmatched
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Launcher launcher = new Launcher(Bench.root());
        String what = words.isEmpty() ? "" : words.getFirst();
        List<String> rest = words.subList(Math.min(1, words.size()), words.size());
        List<String> command;
        if (what.equals(Launcher.BACKEND)) {
            command = launcher.foreground(Launcher.BACKEND, rest);
        } else if (what.equals("serve")) {
            List<String> known = launcher.implementations();
            if (rest.isEmpty() || !known.contains(rest.getFirst())) {
                bench.err.println("bench: " + (rest.isEmpty() ? "serve needs an implementation"
                        : "unknown implementation '" + rest.getFirst() + "'") + "; choose one of: "
                        + String.join(" ", known));
                return UNKNOWN;
            }
            command = launcher.foreground(Launcher.serverModule(rest.getFirst()), rest.subList(1, rest.size()));
        } else {
            bench.err.println("bench launch: serve IMPL [ARGS] or backend [ARGS], not '" + what + "'");
            return Bench.UNUSABLE;
        }
        for (String word : command) {
            bench.out.write(word.getBytes(StandardCharsets.UTF_8));
            bench.out.write(0);
        }
        bench.out.flush();
        return 0;
    }
}
