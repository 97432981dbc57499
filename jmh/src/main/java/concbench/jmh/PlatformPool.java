package concbench.jmh;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A fixed pool of one platform thread per CPU, every thread started in set-up: an operation only queues tasks
 * on threads that already exist, as a server's pool does once it is warm.
 */
@State(Scope.Benchmark)
public class PlatformPool {
    ThreadPoolExecutor executor;

    @Setup(Level.Trial)
    public void start() {
        int cpus = Runtime.getRuntime().availableProcessors();
        executor = new ThreadPoolExecutor(cpus, cpus, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        executor.prestartAllCoreThreads();
    }

    @TearDown(Level.Trial)
    public void stop() {
        executor.shutdownNow();
    }
}
