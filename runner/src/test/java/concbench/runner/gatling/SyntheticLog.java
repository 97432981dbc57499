package concbench.runner.gatling;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code simulation.log} the way Gatling 3.15's {@code LogFileDataWriter} does, record by record, so that
 * the reader can be tested on files whose every byte the test knows, the malformed ones included.
 */
final class SyntheticLog {
    static final byte RUN = 0;
    static final byte REQUEST = 1;
    static final byte USER = 2;
    static final byte GROUP = 3;
    static final byte ERROR = 4;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> cache = new HashMap<>();
    private final long startMs;

    private SyntheticLog(long startMs) {
        this.startMs = startMs;
    }

    /** A log that starts with a run record of the given Gatling version and scenarios. */
    static SyntheticLog run(String version, long startMs, List<String> scenarios) {
        SyntheticLog log = new SyntheticLog(startMs);
        log.write(() -> {
            log.out.writeByte(RUN);
            log.string(version);
            log.string("concbench.gatling.HelloSimulation");
            log.out.writeLong(startMs);
            log.string("");
            log.out.writeInt(scenarios.size());
            for (String scenario : scenarios) {
                log.string(scenario);
            }
            // One assertion, as opaque bytes: the reader must skip them whatever they hold.
            log.out.writeInt(1);
            log.out.writeInt(3);
            log.out.write(new byte[] {7, 8, 9});
        });
        return log;
    }

    SyntheticLog request(String name, long start, long end, boolean ok, String message) {
        return write(() -> {
            out.writeByte(REQUEST);
            out.writeInt(0);
            cached(name);
            out.writeInt((int) (start - startMs));
            out.writeInt((int) (end - startMs));
            out.writeBoolean(ok);
            cached(message);
        });
    }

    SyntheticLog user(int scenario, boolean started, long timestamp) {
        return write(() -> {
            out.writeByte(USER);
            out.writeInt(scenario);
            out.writeBoolean(started);
            out.writeInt((int) (timestamp - startMs));
        });
    }

    SyntheticLog error(String message, long timestamp) {
        return write(() -> {
            out.writeByte(ERROR);
            cached(message);
            out.writeInt((int) (timestamp - startMs));
        });
    }

    /** A request inside one group. */
    SyntheticLog groupedRequest(String group, String name, long start, long end) {
        return write(() -> {
            out.writeByte(REQUEST);
            out.writeInt(1);
            cached(group);
            cached(name);
            out.writeInt((int) (start - startMs));
            out.writeInt((int) (end - startMs));
            out.writeBoolean(true);
            cached("");
        });
    }

    /** Raw bytes, for what Gatling would never write. */
    SyntheticLog raw(int... values) {
        return write(() -> {
            for (int value : values) {
                out.writeByte(value);
            }
        });
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    private void cached(String string) throws IOException {
        Integer index = cache.get(string);
        if (index == null) {
            int next = cache.size() + 1;
            out.writeInt(next);
            string(string);
            cache.put(string, next);
        } else {
            out.writeInt(-index);
        }
    }

    /** As the JDK keeps a String: Latin-1 bytes when every char fits, else UTF-16 in the native byte order. */
    private void string(String string) throws IOException {
        if (string.isEmpty()) {
            out.writeInt(0);
            return;
        }
        boolean latin1 = string.chars().allMatch(c -> c <= 0xFF);
        byte[] value = string.getBytes(latin1 ? StandardCharsets.ISO_8859_1
                : ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        out.writeInt(value.length);
        out.write(value);
        out.writeByte(latin1 ? 0 : 1);
    }

    private interface Write {
        void run() throws IOException;
    }

    private SyntheticLog write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
