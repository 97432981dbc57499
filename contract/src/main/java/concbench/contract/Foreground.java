package concbench.contract;

import java.util.concurrent.CountDownLatch;

/**
 * How every process of the suite (each server, the back end) lives in the foreground: it says where it listens,
 * then waits until SIGTERM or Ctrl-C, when a shutdown hook closes it and says so. The runner and the tests wait
 * for those two lines.
 */
public final class Foreground {
    private Foreground() {
    }

    /**
     * @param name      what stops, e.g. {@code netty}: printed as {@code <name> stopped}
     * @param close     closes the running service; called once, from the shutdown hook
     * @param listening the line printed once the service listens
     */
    public static void serve(String name, Runnable close, String listening) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            System.out.println(name + " stopped");
            stopped.countDown();
        }, "shutdown"));
        System.out.println(listening);
        stopped.await();
    }
}
