package concbench.report;

import concbench.formats.Comparison;
import concbench.formats.JmhResults;
import concbench.formats.ResultFiles;
import concbench.formats.ResultsFolder;
import concbench.formats.RunManifest;
import concbench.formats.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code report.html} and {@code summary.md} into the folder they describe, each to a temporary file
 * renamed into place so that a reader never sees half a report; and the sentences both share.
 */
final class Report {
    static final String HTML_FILE = "report.html";
    static final String SUMMARY_FILE = "summary.md";
    private static final String RUNNING = "running";
    private static final String INTERRUPTED = "interrupted";
    private static final String COMPLETE = "complete";

    private Report() {
    }

    /** The two files written, HTML first. */
    static List<Path> write(ResultsFolder inputs) throws IOException {
        Path html = inputs.dir().resolve(HTML_FILE);
        Path summary = inputs.dir().resolve(SUMMARY_FILE);
        ResultFiles.writeText(html, HtmlReport.render(inputs));
        ResultFiles.writeText(summary, MarkdownSummary.render(inputs));
        return List.of(html, summary);
    }

    static String title(ResultsFolder inputs) {
        if (inputs.run() != null) {
            RunManifest run = inputs.run().manifest();
            RunView view = new RunView(inputs.run());
            return "conc-bench: " + String.join(", ", view.servers()) + " on "
                    + String.join(" and ", view.scenarios())
                    + (run.profile() == null ? "" : " (profile " + run.profile().name() + ")");
        }
        if (inputs.jmh() != null) {
            return "conc-bench: JMH microbenchmarks";
        }
        return "conc-bench: comparison with " + inputs.comparison().base().dir();
    }

    /** One sentence: when, on what, how it ended; for a folder without a run, where its results came from. */
    static String lead(ResultsFolder inputs) {
        if (inputs.run() != null) {
            RunManifest run = inputs.run().manifest();
            String machine = run.environment() == null ? "an unrecorded machine"
                    : run.environment().host() + " (" + run.environment().cpuModel() + ", " + run.environment().cores()
                            + " cores)";
            return "Started " + Times.instant(run.startedAt()) + " on " + machine + "; status " + run.status() + "; "
                    + inputs.run().trials().size() + " trial file(s) read from " + inputs.dir() + ".";
        }
        // The JMH and comparison sections open with their own lead; the page's says only where they came from.
        return (inputs.jmh() != null ? "JMH results" : "A comparison") + " read from " + inputs.dir() + ".";
    }

    /** What must be read before any number: a run that did not complete, and failed trials. */
    static List<String> problems(RunView view) {
        List<String> problems = new ArrayList<>();
        String status = view.manifest().status();
        if (RUNNING.equals(status)) {
            problems.add("This run has not finished: run.json still says \"running\". It is still going on, or its "
                    + "runner was killed before it could record the end. Only the trials finished so far are shown.");
        } else if (INTERRUPTED.equals(status)) {
            problems.add("This run was interrupted (Ctrl-C or SIGTERM) before it finished. Only the trials finished "
                    + "before that are shown.");
        } else if (!COMPLETE.equals(status)) {
            problems.add("This run's status is \"" + status + "\", not complete.");
        }
        List<TrialResult> failed = view.allTrials().stream().filter(t -> !t.ok()).toList();
        if (!failed.isEmpty()) {
            problems.add(failed.size() + " of " + view.allTrials().size() + " trials failed: " + failed.stream()
                    .map(t -> t.implementation() + " " + t.scenarioKey() + " trial " + t.trial() + " (" + t.failure()
                            + ")")
                    .collect(Collectors.joining("; ")) + ". Their numbers are missing from every table, chart and "
                    + "verdict, which say so where it matters.");
        }
        return problems;
    }

    static String comparisonLead(Comparison comparison) {
        return "Base: " + side(comparison.base()) + ". Head: " + side(comparison.head()) + ". "
                + comparison.regressions() + " regression(s) and " + comparison.improvements() + " improvement(s) in "
                + comparison.rows().size() + " compared figures.";
    }

    private static String side(Comparison.End side) {
        String details = Stream.of(side.gitCommit() == null ? null : "commit " + side.gitCommit(),
                side.profile() == null ? null : "profile " + side.profile(),
                side.startedAt() == null ? null : "started " + Times.instant(side.startedAt()))
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        return side.dir() + (details.isEmpty() ? "" : " (" + details + ")");
    }

    static String jmhLead(JmhResults jmh) {
        JmhResults.Benchmark first = jmh.runs().getFirst();
        return jmh.runs().size() + " results of " + jmh.byClass().size() + " benchmark classes, JDK "
                + first.jdkVersion() + " (" + first.vmName() + "); " + first.forks() + " fork(s), warm-up "
                + first.warmupIterations() + " x " + first.warmupTime() + ", measurement "
                + first.measurementIterations() + " x " + first.measurementTime() + " (as the first benchmark ran; "
                + "see jmh.json for each); fork JVM flags: " + String.join(" ", first.jvmArgs()) + ".";
    }
}
