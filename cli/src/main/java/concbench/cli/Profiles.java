package concbench.cli;

import concbench.formats.Profile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ./bench profiles}: the profiles this revision runs, one name a line, for people and for {@code ab}. */
@Command(name = "profiles",
        description = "List the run profiles, one name a line (runner/README.md describes them).")
final class Profiles implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    Bench bench;

    @Override
    public Integer call() {
        Profile.all().forEach(profile -> bench.out.println(profile.name()));
        return 0;
    }
}
