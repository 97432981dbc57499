package concbench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a task that is waiting cost in memory: a parked platform thread, a parked virtual thread, or a pending
 * future with its continuation? A server in the middle of fan-outs holds one such task per back-end call in
 * flight: 100 requests of 1000 calls each are 100 000 waiting tasks, times these figures.
 *
 * <p><b>Method.</b> Each operation takes a {@link MemorySnapshot} (a full collection, then the live heap, the
 * native memory that Native Memory Tracking counts, and the resident set), starts {@code waitingTasks} tasks that
 * each wait on one latch, waits until every one of them is parked, takes a second snapshot, and only then
 * releases them. The growth divided by the number of tasks is reported by {@link FootprintProfiler} in three
 * secondary results, in bytes per waiting task: {@code heapBytes}, {@code nativeBytes} and {@code rssBytes}.
 * <b>The primary score (the time of the operation, two full collections included) means nothing here; read the
 * three secondary results.</b>
 *
 * <p>What could fool it, and its limits:
 * <ul>
 *   <li>Garbage counted as cost: both snapshots follow a full collection, so only memory still reachable counts.
 *       A parked virtual thread's stack is reachable from the latch that will wake it; a pending future is
 *       reachable from the list that completes it.</li>
 *   <li>Counting before the tasks park: a virtual thread's stack moves to the heap only when it parks, so the
 *       second snapshot waits until every thread reports {@code WAITING}.</li>
 *   <li>Heap pages in the resident set: heap pages touched for the first time would show up in {@code rssBytes}.
 *       This benchmark's forks add {@code -XX:+AlwaysPreTouch} to the servers' flags, so the whole heap is
 *       resident from the start and {@code rssBytes} grows only by native memory.</li>
 *   <li>Shallow stacks of compiled code: every task parks a few frames deep, in code the JIT compiled during
 *       warm-up. A request handler parks tens of frames deep: a virtual thread then keeps more on the heap (its
 *       frames are copied there), and a platform thread touches more stack pages. Interpreted frames are bigger
 *       still (with {@code -Xint} a parked platform thread holds three to four times the native memory). These
 *       figures are floors. The 1 MB or so reserved for a platform thread's stack is address space, not memory,
 *       and is not counted.</li>
 *   <li>Two views of native memory: {@code nativeBytes} is the JVM's own account (NMT), {@code rssBytes} what the
 *       OS newly gave the process. The second can be lower: memory freed by the threads of earlier iterations
 *       (malloc's arenas, cached thread stacks) is reused without new pages.</li>
 *   <li>Noise: the JIT and the collector also allocate native memory, by kilobytes; spread over 1000 tasks that is
 *       a few bytes per task, which is why N is 1000 and not 10.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsPrepend = {"-XX:NativeMemoryTracking=summary", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class MemoryPerWaitingTask {
    @Param("1000")
    int waitingTasks;

    @Setup(Level.Trial)
    public void requireProfiler() {
        if (!FootprintProfiler.enabled()) {
            throw new IllegalStateException("MemoryPerWaitingTask reports through its profiler: run it with "
                    + "-prof " + FootprintProfiler.class.getName() + " (./bench jmh does)");
        }
    }

    /** A platform thread parked on a latch: a Thread object on the heap, an OS thread and its stack outside it. */
    @Benchmark
    public void platformThread() throws InterruptedException {
        parkThreads(Thread.ofPlatform());
    }

    /**
     * A virtual thread parked on a latch: unmounted, its frames copied into a stack chunk on the heap, no OS
     * thread of its own.
     */
    @Benchmark
    public void virtualThread() throws InterruptedException {
        parkThreads(Thread.ofVirtual());
    }

    /**
     * A pending {@link CompletableFuture} with a continuation attached: what a callback-style server keeps while a
     * call waits (an event loop holds the call's state and its callback, and no thread). The continuation here
     * captures one number; a real one captures its request's state too.
     */
    @Benchmark
    public long pendingFuture() {
        MemorySnapshot before = MemorySnapshot.take();
        List<CompletableFuture<Long>> answers = new ArrayList<>(waitingTasks);
        List<CompletableFuture<Long>> continuations = new ArrayList<>(waitingTasks);
        for (int i = 0; i < waitingTasks; i++) {
            long call = i;
            CompletableFuture<Long> answer = new CompletableFuture<>();
            answers.add(answer);
            continuations.add(answer.thenApply(value -> value + call));
        }
        FootprintProfiler.record(MemorySnapshot.take().growthSince(before, waitingTasks));
        long sum = 0;
        for (int i = 0; i < waitingTasks; i++) {
            answers.get(i).complete(1L);
            sum += continuations.get(i).join();
        }
        return sum;
    }

    private void parkThreads(Thread.Builder builder) throws InterruptedException {
        MemorySnapshot before = MemorySnapshot.take();
        CountDownLatch release = new CountDownLatch(1);
        Thread[] threads = new Thread[waitingTasks];
        for (int i = 0; i < waitingTasks; i++) {
            threads[i] = builder.start(() -> awaitRelease(release));
        }
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.yield();
            }
        }
        FootprintProfiler.record(MemorySnapshot.take().growthSince(before, waitingTasks));
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
