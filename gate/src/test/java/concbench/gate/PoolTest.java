package concbench.gate;

import static concbench.gate.Synthetic.run;
import static concbench.gate.Synthetic.throughputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Pool;
import concbench.formats.Profile;
import concbench.formats.RunResults;
import concbench.formats.TrialResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolTest {
    @TempDir
    Path dir;

    @Test
    void roundsBecomeTrialsOfOneRunInOrder() throws Exception {
        Path first = Synthetic.write(dir.resolve("rounds/head-1"), run(throughputs(100)));
        Path second = Synthetic.write(dir.resolve("rounds/head-2"), run(throughputs(200)));

        RunResults pooled = Pool.pool(dir.resolve("head"), List.of(first, second));

        assertEquals(List.of(1, 2), pooled.trials().stream().map(TrialResult::trial).toList());
        assertEquals(List.of(100.0, 200.0), pooled.trials().stream()
                .map(t -> t.phases().get(1).stats().throughput()).toList());
        assertEquals(2, pooled.manifest().profile().trials());
        assertEquals(List.of("netty-hello-1.json", "netty-hello-2.json"), pooled.manifest().trialFiles());
        assertEquals("../rounds/head-2/gatling/netty-hello-1", pooled.trials().get(1).gatlingReport(),
                "the Gatling report stays where it is, pointed to from the pooled folder");
    }

    @Test
    void runsOfDifferentProfilesAreNotTrialsOfOneThing() throws Exception {
        Path smoke = Synthetic.write(dir.resolve("a"), run(throughputs(100)));
        Path quick = Synthetic.write(dir.resolve("b"), run(throughputs(100), Profile.QUICK, "cpu"));
        String message = assertThrows(RunResults.UnusableResultsException.class,
                () -> Pool.pool(dir.resolve("out"), List.of(smoke, quick))).getMessage();
        assertTrue(message.contains("another profile"), message);
    }
}
