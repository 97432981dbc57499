package concbench.runner.gatling;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The big-endian primitives of a binary file, read through one reusable buffer: {@code simulation.log} runs to
 * millions of records, so nothing is allocated per number. Tells the clean end of the file, between two records,
 * from a file cut inside one.
 */
final class LogInput implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    /** Big-endian, as Gatling's writer puts its numbers. Between reads it holds the bytes not read yet. */
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    /** The file offset of the buffer's first byte. */
    private long bufferOffset;

    LogInput(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        buffer.limit(0);
    }

    /** The file offset of the next byte to read, for error messages. */
    long offset() {
        return bufferOffset + buffer.position();
    }

    /** How many bytes the file holds past {@link #offset}. */
    long remaining() throws IOException {
        return channel.size() - offset();
    }

    /** True when the file has no byte left. */
    boolean atEnd() throws IOException {
        return !fill(1);
    }

    byte readByte() throws IOException {
        need(Byte.BYTES);
        return buffer.get();
    }

    int readInt() throws IOException {
        need(Integer.BYTES);
        return buffer.getInt();
    }

    long readLong() throws IOException {
        need(Long.BYTES);
        return buffer.getLong();
    }

    byte[] readBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        int copied = 0;
        while (copied < length) {
            need(1);
            int chunk = Math.min(buffer.remaining(), length - copied);
            buffer.get(bytes, copied, chunk);
            copied += chunk;
        }
        return bytes;
    }

    void skip(int length) throws IOException {
        int skipped = 0;
        while (skipped < length) {
            need(1);
            int chunk = Math.min(buffer.remaining(), length - skipped);
            buffer.position(buffer.position() + chunk);
            skipped += chunk;
        }
    }

    private void need(int bytes) throws IOException {
        if (!fill(bytes)) {
            throw new EOFException("the file ends inside a record, at byte " + (bufferOffset + buffer.limit()));
        }
    }

    /** Makes at least {@code bytes} bytes readable; false when the file ends first. */
    private boolean fill(int bytes) throws IOException {
        while (buffer.remaining() < bytes) {
            bufferOffset += buffer.position();
            buffer.compact();
            int read = channel.read(buffer);
            buffer.flip();
            if (read < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
