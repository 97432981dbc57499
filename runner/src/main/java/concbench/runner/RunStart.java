package concbench.runner;

import concbench.formats.CpuLayout;
import concbench.formats.Environment;
import concbench.formats.ResultFiles;
import concbench.formats.RunManifest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code run.json} a run writes when it starts: its plan, machine and settings, no trial finished yet. */
final class RunStart {
    private RunStart() {
    }

    static RunManifest manifest(RunOptions options, CpuLayout layout, Launcher launcher, Environment environment)
            throws IOException {
        List<String> warnings = new ArrayList<>(layout.warnings());
        if (!launcher.canPin()) {
            warnings.add("taskset is missing: the processes were not pinned to CPUs, so the server and the load "
                    + "generator competed for the same CPUs");
        }
        return new RunManifest(ResultFiles.FORMAT_VERSION, RunManifest.RUNNING, Instant.now().toString(), null,
                environment, options.profile(), options.implementations(),
                options.scenarios().stream().map(Scenario::label).toList(), options.profile().fanoutCalls(),
                Scenario.FANOUT_DELAY_MS, layout, launcher.canPin(), List.copyOf(warnings),
                launcher.jvmFlags(Launcher.SERVER_FLAGS), List.of(), 0);
    }
}
