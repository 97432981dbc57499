package concbench.jmh;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does it cost to wait for N things at once? The in-process shadow of the fan-out scenario: N tasks that each
 * wait {@value #DELAY_MS} ms, as a back-end call would, and are all joined before the operation ends.
 *
 * <p>A model that waits for the N timers <i>concurrently</i> takes about {@value #DELAY_MS} ms whatever N is, plus
 * its cost of starting, waiting and waking N tasks; that cost is the score minus {@value #DELAY_MS} ms (1000 us),
 * and it is what grows with N. A model that runs out of threads waits in rounds: a pool of P threads needs N/P
 * rounds of {@value #DELAY_MS} ms, which is the thread-per-request server's fate once its pool is smaller than the
 * number of calls in flight.
 *
 * <p>What could fool it, and why it does not:
 * <ul>
 *   <li>Timer resolution: a sleep or a timer never fires early, and fires late by the kernel's timer slack (50 us
 *       by default on Linux) plus the time to wake the thread or loop that waits. (Netty's NIO transport waits
 *       for its timers with a selector timeout in whole milliseconds, so there a timer may fire up to a
 *       millisecond late; the native epoll transport, used here where it loads, is finer.) The floor of every
 *       model is therefore a little above {@value #DELAY_MS} ms, by a different amount per model, and the figure
 *       at N = 1 shows that floor. Compare how the score grows with N rather than one model's floor against
 *       another's.</li>
 *   <li>Dead code: nothing here computes a value; every operation waits for every task to end, which the JIT
 *       cannot skip.</li>
 *   <li>Warm-up and set-up: the pool and the event loop are started in set-up; warm-up iterations are not
 *       scored.</li>
 *   <li>CPU count: how many threads run at once, and so the pool's size, follows the machine; on two CPUs the
 *       fixed pool has two threads.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class BlockingFanout {
    static final long DELAY_MS = 1;

    /** Non-blocking timers: each runs its task once the delay has passed, on the common fork-join pool. */
    private static final Executor DELAYED = CompletableFuture.delayedExecutor(DELAY_MS, TimeUnit.MILLISECONDS);
    private static final Runnable NOTHING = () -> { };

    @Param({"1", "10", "100", "1000"})
    int tasks;

    static void sleep() {
        try {
            Thread.sleep(DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new platform thread per task, each blocked in {@link Thread#sleep}: N threads wait at once. */
    @Benchmark
    public void platformThreadPerTask() throws InterruptedException {
        ThreadPerTask.startAndJoin(Thread.ofPlatform(), tasks, BlockingFanout::sleep);
    }

    /**
     * A fixed pool of one platform thread per CPU, each task blocked in {@link Thread#sleep}: at most P tasks wait
     * at once, so N tasks take N/P rounds. The cost of running out of threads, not of having them.
     */
    @Benchmark
    public void fixedPlatformPool(PlatformPool pool) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks);
        Runnable task = () -> {
            sleep();
            done.countDown();
        };
        for (int i = 0; i < tasks; i++) {
            pool.executor.execute(task);
        }
        done.await();
    }

    /**
     * A new virtual thread per task, blocked in {@link Thread#sleep}: the code of the platform-thread version,
     * but a sleeping virtual thread leaves its carrier and waits on a timer, so N of them wait on a handful of OS
     * threads. loom-impl's fan-out is this, with a socket read in place of the sleep.
     */
    @Benchmark
    public void virtualThreadPerTask() throws InterruptedException {
        ThreadPerTask.startAndJoin(Thread.ofVirtual(), tasks, BlockingFanout::sleep);
    }

    /**
     * {@link CompletableFuture#delayedExecutor}: no thread waits; a timer per task (in JDK 25, the common
     * fork-join pool's own scheduler) completes a future after the delay, and {@code allOf} joins them: the
     * futures style of a fan-out.
     */
    @Benchmark
    public void completableFutureDelayed() {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            futures[i] = CompletableFuture.runAsync(NOTHING, DELAYED);
        }
        CompletableFuture.allOf(futures).join();
    }

    /**
     * Netty's {@code schedule} on one event loop: N timers in the loop's own queue, fired by the loop itself when
     * its wait for I/O times out; no thread per waiting task. netty-impl's fan-out waits this way (on sockets
     * rather than timers).
     */
    @Benchmark
    public void nettySchedule(NettyLoop netty) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks);
        Runnable fired = done::countDown;
        for (int i = 0; i < tasks; i++) {
            netty.loop.schedule(fired, DELAY_MS, TimeUnit.MILLISECONDS);
        }
        done.await();
    }
}
