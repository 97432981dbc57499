package concbench.jmh;

/**
 * The thread-per-task model as the benchmarks run it: start one new thread per task, then wait for every one to
 * end. One place, so that the platform-thread and virtual-thread versions of every benchmark do exactly the same
 * thing but for the kind of thread the builder makes.
 */
final class ThreadPerTask {
    private ThreadPerTask() {
    }

    static void startAndJoin(Thread.Builder builder, int tasks, Runnable task) throws InterruptedException {
        Thread[] threads = new Thread[tasks];
        for (int i = 0; i < tasks; i++) {
            threads[i] = builder.start(task);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
