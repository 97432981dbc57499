package concbench.contract;

import java.net.InetSocketAddress;

/** A started server. */
public interface RunningServer extends AutoCloseable {
    /** The address it listens on; the real port when it was started on port 0. */
    InetSocketAddress address();

    /** Stops accepting, closes connections and releases every thread it started; returns when they are gone. */
    @Override
    void close();
}
