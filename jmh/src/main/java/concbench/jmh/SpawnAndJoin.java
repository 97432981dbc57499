package concbench.jmh;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What does it cost to start N tiny tasks and wait for all of them, in each concurrency model?
 *
 * <p>One operation starts {@code tasks} tasks, each doing the same hundred-odd nanoseconds of CPU work, and returns
 * only when every one of them has finished. The score is the time of the whole operation: divide it by
 * {@code tasks} for the cost per task, and subtract {@link #inline} (the same work with no concurrency at all) for
 * what the model adds. That overhead is the "cost of creating, destroying and switching" that the per-request
 * work of a simple server (see {@code NettyHelloHotPath}) has to be weighed against.
 *
 * <p>What could fool it, and why it does not:
 * <ul>
 *   <li>Dead code: a task whose result nobody reads may be removed by the JIT. The work here is
 *       {@link Blackhole#consumeCPU}, which the JIT cannot remove, and every operation waits for every task.</li>
 *   <li>Set-up counted as work: pools, event loops and Vert.x are started once per trial in {@code @Setup}, never
 *       inside an operation, exactly as a server starts them once; their threads exist before the first
 *       measured operation.</li>
 *   <li>Warm-up: the first operations run interpreted code and fault in the pools' threads and queues; warm-up
 *       iterations run first and are not scored.</li>
 *   <li>Thread-start noise: starting a platform thread is a system call whose cost depends on the kernel and on what
 *       else the machine does; several forks and iterations show how much it varies (the error column).</li>
 *   <li>Timer resolution: an operation with one task lasts microseconds; JMH times whole iterations of many
 *       operations, so the clock's granularity does not matter.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class SpawnAndJoin {
    /** The work of one task, about 150 ns of CPU on a current x86 core (see {@link #inline}): small, not nothing. */
    static final long TASK_TOKENS = 100;

    @Param({"1", "10", "100", "1000"})
    int tasks;

    static void work() {
        Blackhole.consumeCPU(TASK_TOKENS);
    }

    /** The baseline: the same work run one task after the other on the benchmark thread. No model, no overhead. */
    @Benchmark
    public void inline() {
        for (int i = 0; i < tasks; i++) {
            work();
        }
    }

    /**
     * A new platform (OS) thread per task, joined with {@link Thread#join}, so the thread's end (the "destroy") is
     * counted as well as its start. With more tasks than CPUs the threads also compete for the CPUs with the thread
     * starting them.
     */
    @Benchmark
    public void platformThreadPerTask() throws InterruptedException {
        ThreadPerTask.startAndJoin(Thread.ofPlatform(), tasks, SpawnAndJoin::work);
    }

    /**
     * A new virtual thread per task, joined with {@link Thread#join}: what loom-impl does for each request and each
     * back-end call. The virtual threads run on the JDK's scheduler, one carrier thread per CPU.
     */
    @Benchmark
    public void virtualThreadPerTask() throws InterruptedException {
        ThreadPerTask.startAndJoin(Thread.ofVirtual(), tasks, SpawnAndJoin::work);
    }

    /** Tasks queued on a fixed pool of platform threads, one per CPU: threads are reused, never created here. */
    @Benchmark
    public void fixedPlatformPool(PlatformPool pool) throws InterruptedException {
        runAndAwait(pool.executor);
    }

    /**
     * {@link CompletableFuture#runAsync} on the common fork-join pool, joined with {@code allOf}: the futures
     * style. The common pool has one thread fewer than there are CPUs (at least one), because the caller is expected
     * to work too.
     */
    @Benchmark
    public void completableFutureCommonPool() {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            futures[i] = CompletableFuture.runAsync(SpawnAndJoin::work);
        }
        CompletableFuture.allOf(futures).join();
    }

    /**
     * Tasks handed to one Netty event loop with {@code execute}: each is appended to the loop's task queue and the
     * loop, woken once, runs them one after the other. No thread is created or switched per task; a batch of
     * tasks shares one wake-up, which is why the cost per task falls as N grows.
     */
    @Benchmark
    public void nettyEventLoop(NettyLoop netty) throws InterruptedException {
        runAndAwait(netty.loop);
    }

    /**
     * Tasks run on one Vert.x event-loop context with {@code runOnContext}, the way Vert.x code goes back to its
     * context: a Netty event loop underneath, plus Vert.x's context bookkeeping around each task.
     */
    @Benchmark
    public void vertxContext(VertxContext vertx) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks);
        Handler<Void> task = ignored -> {
            work();
            done.countDown();
        };
        for (int i = 0; i < tasks; i++) {
            vertx.context.runOnContext(task);
        }
        done.await();
    }

    private void runAndAwait(Executor executor) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks);
        Runnable task = () -> {
            work();
            done.countDown();
        };
        for (int i = 0; i < tasks; i++) {
            executor.execute(task);
        }
        done.await();
    }

    /** One Vert.x event-loop context, created once: off Vert.x, {@code getOrCreateContext} makes a new one per call. */
    @State(Scope.Benchmark)
    public static class VertxContext {
        Vertx vertx;
        Context context;

        @Setup(Level.Trial)
        public void start() {
            // The options of vertx-impl that matter off the network: native transport, no class-loader switch per task.
            VertxOptions options = new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true)
                    .setDisableTCCL(true);
            vertx = Vertx.builder().with(options).build();
            context = vertx.getOrCreateContext();
        }

        @TearDown(Level.Trial)
        public void stop() {
            vertx.close().await();
        }
    }
}
