package concbench.loom;

import java.io.IOException;

/**
 * The back end, called with plain blocking code: {@link #value} parks the calling virtual thread until the answer
 * is in. Two clients implement it, chosen with {@code --client} ({@link LoomImplementation#CLIENT}): Helidon's
 * WebClient, the default, and the JDK's HttpClient. Both bound the calls in flight, and so the connections open at
 * once, at {@code --backend-connections}; both close the connection of a call that fails or is interrupted, and
 * neither retries a call.
 */
interface BackendClient extends AutoCloseable {
    /**
     * Makes call {@code index} of a fan-out and returns the back end's value.
     *
     * @throws BackendException when the back end answers other than 200 or with a body that is not a number
     * @throws IOException when the back end refuses or breaks the connection
     * @throws InterruptedException when the fan-out gave up on this call (its connection is closed)
     */
    long value(int delayMs, int index) throws IOException, InterruptedException, BackendException;

    /** Closes the idle connections and releases the client's threads. */
    @Override
    void close();

    /** The back end answered, but not with a value: a 502. */
    final class BackendException extends Exception {
        BackendException(String reason) {
            super(reason, null, false, false);
        }
    }
}
