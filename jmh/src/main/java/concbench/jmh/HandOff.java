package concbench.jmh;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does it cost to switch from one party to another and back: a message passed back and forth between two
 * threads, two virtual threads, or two event-loop tasks?
 *
 * <p>Two parties, started once per trial, play ping-pong. An operation asks the ping party for
 * {@value #ROUND_TRIPS} round trips and waits until it has played them; with
 * {@code @OperationsPerInvocation} the score is the average time of <b>one round trip</b>: two hand-offs, each a
 * wake-up of a waiting party. The benchmark thread's own request and wait happen once per 1000 round trips, so
 * they add about a thousandth.
 *
 * <p>What could fool it, and why it does not:
 * <ul>
 *   <li>Spinning: the JDK's blocking queues spin a little before they park, and on an idle machine with spare cores
 *       a spinning receiver turns a hand-off into a cache-line transfer of about 100 ns, a figure no loaded server
 *       sees. The threads here hand off with {@link LockSupport#park}/{@link LockSupport#unpark} and nothing else,
 *       so every hand-off is a real wake-up of a parked party.</li>
 *   <li>Dead code: each party reads the message it waits for and the operation returns the last one.</li>
 *   <li>Thread start: the parties are started in set-up, never in an operation; this measures switching only
 *       (creating is {@link SpawnAndJoin}'s subject).</li>
 *   <li>Placement: on a machine with spare CPUs the two parties run on two CPUs and each hand-off is a cross-CPU
 *       wake-up; {@link #virtualThreadsOneCarrier} shows the other extreme, both parties on one OS thread. The
 *       machine's idle states matter too: a CPU that went to sleep while its thread waited takes longer to wake.
 *       These are real costs of a hand-off, not artefacts, but they depend on the machine.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(HandOff.ROUND_TRIPS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(HandOff.FORKS)
public class HandOff {
    static final int ROUND_TRIPS = 1000;
    static final int FORKS = 2;

    /**
     * Two platform threads: each hand-off is a futex wake-up through the kernel and, when the receiver's CPU is
     * busy or asleep, an OS context switch. This is the switch that a thread-per-request server pays whenever a
     * request's thread waits for a back-end answer and is woken by the I/O thread.
     */
    @Benchmark
    public long platformThreads(PlatformPair pair) throws InterruptedException {
        return pair.parties.play();
    }

    /**
     * Two virtual threads on the JDK's default scheduler (one carrier thread per CPU): a hand-off unmounts the
     * waiting thread's frames to the heap and mounts the woken one's. A virtual thread that wakes another queues
     * it on its own carrier, so the woken one usually runs there as soon as the waker parks, with no OS wake-up;
     * when another carrier steals it, an OS wake-up is back on the path.
     */
    @Benchmark
    public long virtualThreads(VirtualPair pair) throws InterruptedException {
        return pair.parties.play();
    }

    /**
     * Two virtual threads on one carrier thread (the scheduler's parallelism set to 1 in this fork): a hand-off is
     * a continuation yield and resume on the same OS thread, with no kernel on the path. The floor of what
     * switching between virtual threads costs.
     */
    @Benchmark
    @Fork(value = FORKS, jvmArgsPrepend = "-Djdk.virtualThreadScheduler.parallelism=1")
    public long virtualThreadsOneCarrier(VirtualPair pair) throws InterruptedException {
        return pair.parties.play();
    }

    /**
     * Two Netty event loops handing a task to each other with {@code execute}: a task is put on the other loop's
     * queue and, if that loop is waiting in epoll, it is woken through its eventfd. A server's loops rarely do
     * this (netty-impl keeps a request and its back-end calls on one loop); it is the price of crossing loops.
     */
    @Benchmark
    public long nettyTwoLoops(NettyLoops loops) {
        return loops.play(loops.ping, loops.pong);
    }

    /**
     * One Netty event loop handing a task to itself: the "switch" of an event loop is appending to and polling
     * its own task queue, with no wake-up and no thread switch. This is what an event-loop server pays to move
     * from one request's callback to another's.
     */
    @Benchmark
    public long nettyOneLoop(NettyLoops loops) {
        return loops.play(loops.ping, loops.ping);
    }

    /** A pair of platform threads, started once per trial. */
    @State(Scope.Benchmark)
    public static class PlatformPair {
        ThreadPair parties;

        @Setup(Level.Trial)
        public void start() {
            parties = new ThreadPair(Thread.ofPlatform().daemon());
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            parties.stop();
        }
    }

    /** A pair of virtual threads, started once per trial. */
    @State(Scope.Benchmark)
    public static class VirtualPair {
        ThreadPair parties;

        @Setup(Level.Trial)
        public void start() {
            parties = new ThreadPair(Thread.ofVirtual());
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            parties.stop();
        }
    }

    /** Two event loops of one group, started once per trial. */
    @State(Scope.Benchmark)
    public static class NettyLoops {
        EventLoopGroup group;
        EventLoop ping;
        EventLoop pong;

        @Setup(Level.Trial)
        public void start() {
            group = NettyLoop.group(2);
            Iterator<EventExecutor> loops = group.iterator();
            ping = (EventLoop) loops.next();
            pong = (EventLoop) loops.next();
        }

        @TearDown(Level.Trial)
        public void stop() {
            NettyLoop.shutDown(group);
        }

        long play(EventLoop from, EventLoop to) {
            CompletableFuture<Integer> played = new CompletableFuture<>();
            from.execute(() -> serve(from, to, ROUND_TRIPS, played));
            return played.join();
        }

        /** Runs on {@code from}: sends the ball to {@code to}, which sends it straight back, until none are left. */
        private static void serve(EventLoop from, EventLoop to, int left, CompletableFuture<Integer> played) {
            if (left == 0) {
                played.complete(ROUND_TRIPS);
                return;
            }
            to.execute(() -> from.execute(() -> serve(from, to, left - 1, played)));
        }
    }

    /** Two threads of one kind playing ping-pong through inboxes. The caller of {@link #play} is a third party. */
    static final class ThreadPair {
        private final Inbox pingStarts = new Inbox();
        private final Inbox pingBalls = new Inbox();
        private final Inbox pongBalls = new Inbox();
        private final Inbox callerResults = new Inbox();
        private final Thread ping;
        private final Thread pong;
        private long games;

        ThreadPair(Thread.Builder builder) {
            ping = builder.start(this::ping);
            pong = builder.start(this::pong);
        }

        /** Has ping play {@value HandOff#ROUND_TRIPS} round trips with pong; returns the number of the game played. */
        long play() throws InterruptedException {
            long game = ++games;
            pingStarts.send(game);
            return callerResults.awaitAfter(game - 1);
        }

        private void ping() {
            try {
                long game = 0;
                long ball = 0;
                while (true) {
                    game = pingStarts.awaitAfter(game);
                    for (int i = 0; i < ROUND_TRIPS; i++) {
                        pongBalls.send(++ball);
                        ball = pingBalls.awaitAfter(ball - 1);
                    }
                    callerResults.send(game);
                }
            } catch (InterruptedException stopped) {
                // stop() ends the game.
            }
        }

        private void pong() {
            try {
                long ball = 0;
                while (true) {
                    ball = pongBalls.awaitAfter(ball);
                    pingBalls.send(ball);
                }
            } catch (InterruptedException stopped) {
                // stop() ends the game.
            }
        }

        void stop() throws InterruptedException {
            ping.interrupt();
            pong.interrupt();
            ping.join();
            pong.join();
        }
    }

    /**
     * A mailbox read by one thread at a time: a message is a number larger than the last one. The reader parks
     * until it changes; the sender stores it, then unparks the reader. Both fields are volatile, so either the
     * reader sees the message before parking or the sender sees the reader and unparks it: no wake-up is lost.
     */
    static final class Inbox {
        private volatile Thread reader;
        private volatile long message;

        void send(long next) {
            message = next;
            LockSupport.unpark(reader);
        }

        /** Waits for a message other than {@code last} and returns it. */
        long awaitAfter(long last) throws InterruptedException {
            reader = Thread.currentThread();
            long received;
            while ((received = message) == last) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return received;
        }
    }
}
