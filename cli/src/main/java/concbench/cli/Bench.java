package concbench.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench}'s one command line: every command that is not shell's own job ({@code ./bench} finds a JDK,
 * builds what is stale and runs this; {@code test}, {@code serve}, {@code backend} and {@code ab} it runs itself).
 * Each command is a class of this package; picocli parses, checks and documents the options.
 */
@Command(name = "bench",
        description = "conc-bench: which JVM concurrency model should an HTTP service be built on?",
        subcommands = {Run.class, Report.class, Compare.class, Pool.class, Baseline.class, Status.class,
                Profiles.class, Jmh.class, Launch.class, CommandLine.HelpCommand.class},
        footer = {"",
                "./bench runs these itself:",
                "  test [maven args]         build everything and run every test (e.g. -Dconformance.impls=netty)",
                "  serve IMPL [options]      one server in the foreground (./bench serve IMPL --help lists them)",
                "  backend [options]         the delay back end in the foreground: --port 9090 --threads N",
                "  ab BASE_REF [HEAD_REF]    two revisions in interleaved rounds, compared into results/ab-<time>/",
                "                            (--rounds 3, --profile ci, --impls a,b, --scenarios hello, --threshold)",
                "",
                "With no command, ./bench runs \"./bench run\": the default comparison (profile quick, under 15 minutes"
                        + " on 2 CPUs)."})
public final class Bench implements Runnable {
    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;

    /** Where {@code ./bench} is: the jars, {@code config/} and {@code results/}. */
    static final String ROOT_PROPERTY = "concbench.root";
    /** Input the command cannot use: a bad option, a missing folder, no results. */
    static final int UNUSABLE = CommandLine.ExitCode.USAGE;
    /** The project's line length: the help's lines, like its READMEs', fit 120 columns. */
    private static final int USAGE_WIDTH = 120;

    /** Where the commands print: their results to {@code out}, what went wrong to {@code err}. */
    final PrintStream out;
    final PrintStream err;

    Bench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.out, System.err).execute(args));
    }

    /** The command line printing to {@code out} and {@code err}, picocli's own messages and help included. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return new CommandLine(new Bench(out, err)).setUsageHelpWidth(USAGE_WIDTH)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    }

    /** No command: what there is to choose from. */
    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    /** The conc-bench checkout this runs in. */
    static Path root() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    }
}
