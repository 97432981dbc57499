package concbench.runner.gatling;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Gatling's binary {@code simulation.log} with our own code, in one streaming pass, so that every number
 * comes from the raw per-request records and not from Gatling's report, whose percentiles are estimates
 * (t-digest) over the whole run.
 *
 * <p>The format is Gatling's own, undocumented, and free to change in any release: this reader knows the one
 * written by {@link #KNOWN_VERSIONS} (gatling-core's {@code LogFileDataWriter}, read back by gatling-charts'
 * {@code LogFileReader}) and refuses any other version, any unknown record type and any value out of its
 * range, so that a Gatling upgrade fails loudly instead of corrupting numbers. The file is a sequence of
 * records, each one type byte then its fields, numbers big-endian:
 * <pre>
 * run      0  version:string  simulationClass:string  start:long(epoch ms)  description:string
 *             scenarioCount:int  scenario:string...  assertionCount:int  (length:int  bytes)...
 * request  1  groupCount:int  group:cached...  name:cached  start:int  end:int  ok:bool  message:cached
 * user     2  scenarioIndex:int  started:bool  timestamp:int
 * group    3  groupCount:int  group:cached...  start:int  end:int  cumulatedResponseTime:int  ok:bool
 * error    4  message:cached  timestamp:int
 * </pre>
 * Timestamps other than the run's start are ints, milliseconds since it. A string is its length in bytes (0 for
 * the empty string, which has nothing more), the bytes of the JDK's compact representation, then the coder:
 * 0 Latin-1, 1 UTF-16 in the writer's native byte order. A cached string is an index, then, when the index is
 * not negative, the string, which later records name by the negated index.
 */
public final class SimulationLog {
    /** The Gatling versions whose format this reader knows; the pinned {@code gatling.version} must be one. */
    public static final Set<String> KNOWN_VERSIONS = Set.of("3.15.1");

    private static final byte RUN = 0;
    private static final byte REQUEST = 1;
    private static final byte USER = 2;
    private static final byte GROUP = 3;
    private static final byte ERROR = 4;
    private static final byte LATIN1 = 0;
    private static final byte UTF16 = 1;
    /** Gatling writes the chars of a UTF-16 string as the JDK keeps them, in the machine's byte order. */
    private static final Charset UTF16_NATIVE =
            ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;

    /**
     * The run record, the first of the file.
     *
     * @param gatlingVersion  the Gatling that wrote the file
     * @param simulationClass the simulation that ran
     * @param startMs         the run's start, epoch milliseconds; every other timestamp is relative to it
     * @param description     the run description given on the command line, or empty
     * @param scenarios       the scenarios' names, in our simulations the phases'
     */
    public record Run(String gatlingVersion, String simulationClass, long startMs, String description,
            List<String> scenarios) {

        /** The same run started at {@code newStartMs}: its start on another clock. */
        public Run startedAt(long newStartMs) {
            return new Run(gatlingVersion, simulationClass, newStartMs, description, scenarios);
        }
    }

    private final Path file;
    private final LogInput in;
    /** Cached strings by index; Gatling numbers them from 1 in the order they first appear. */
    private final List<String> cache = new ArrayList<>(List.of(""));
    private long recordNumber;

    private SimulationLog(Path file, LogInput in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Reads the whole file, handing every request and error record to {@code records} in file order (about the
     * order in which requests completed), and returns the run record.
     *
     * @throws IOException when the file cannot be read, or is not a complete log in a format this reader knows;
     *                     the message says which record and byte offset
     */
    public static Run read(Path file, Consumer<? super LogRecord> records) throws IOException {
        try (LogInput in = new LogInput(file)) {
            return new SimulationLog(file, in).readAll(records);
        }
    }

    private Run readAll(Consumer<? super LogRecord> records) throws IOException {
        try {
            if (in.atEnd()) {
                throw malformed("the file is empty");
            }
            byte first = in.readByte();
            if (first != RUN) {
                throw malformed("it does not start with a run record (type " + first + ")");
            }
            Run run = readRun();
            while (!in.atEnd()) {
                recordNumber++;
                long recordStart = in.offset();
                byte type = in.readByte();
                switch (type) {
                    case REQUEST -> records.accept(readRequest(run));
                    case ERROR -> records.accept(new ErrorRecord(readCachedString(), run.startMs() + in.readInt()));
                    case USER -> readUser(run);
                    case GROUP -> throw malformed("record " + recordNumber + " is a group record: conc-bench's "
                            + "simulations use no groups");
                    default -> throw malformed("record " + recordNumber + " at byte " + recordStart
                            + " has the unknown type " + type);
                }
            }
            return run;
        } catch (EOFException e) {
            throw malformed("it is cut short after record " + recordNumber + " (" + e.getMessage()
                    + "): Gatling did not finish writing it");
        }
    }

    private Run readRun() throws IOException {
        String version = readString();
        if (!KNOWN_VERSIONS.contains(version)) {
            throw new IOException(file + " was written by Gatling " + version + ", and this reader knows the "
                    + "format of Gatling " + KNOWN_VERSIONS + " only. Check gatling-core's LogFileDataWriter of "
                    + "the new version against SimulationLog, then add the version to KNOWN_VERSIONS.");
        }
        String simulationClass = readString();
        long startMs = in.readLong();
        String description = readString();
        int scenarioCount = count("scenarios");
        List<String> scenarios = new ArrayList<>(scenarioCount);
        for (int i = 0; i < scenarioCount; i++) {
            scenarios.add(readString());
        }
        int assertionCount = count("assertions");
        for (int i = 0; i < assertionCount; i++) {
            in.skip(count("assertion bytes"));
        }
        return new Run(version, simulationClass, startMs, description, List.copyOf(scenarios));
    }

    private RequestRecord readRequest(Run run) throws IOException {
        int groupCount = count("groups");
        List<String> groups = new ArrayList<>(groupCount);
        for (int i = 0; i < groupCount; i++) {
            groups.add(readCachedString());
        }
        String name = readCachedString();
        if (!groups.isEmpty()) {
            // Counted by its bare name, it would be mixed with any other request of that name.
            throw malformed("request '" + name + "' (record " + recordNumber + ") is inside the group " + groups
                    + ": conc-bench's simulations use no groups");
        }
        long startMs = run.startMs() + in.readInt();
        long endMs = run.startMs() + in.readInt();
        boolean ok = readBoolean();
        String message = readCachedString();
        return new RequestRecord(name, startMs, endMs, ok, message);
    }

    private void readUser(Run run) throws IOException {
        int scenario = in.readInt();
        if (scenario < 0 || scenario >= run.scenarios().size()) {
            throw malformed("user record " + recordNumber + " names scenario " + scenario + " of "
                    + run.scenarios().size());
        }
        readBoolean();
        in.readInt();
    }

    private String readCachedString() throws IOException {
        int index = in.readInt();
        if (index < 0) {
            if (-index >= cache.size()) {
                throw malformed("record " + recordNumber + " names cached string " + -index + " before it appeared");
            }
            return cache.get(-index);
        }
        if (index != cache.size()) {
            throw malformed("record " + recordNumber + " caches string " + index + " where " + cache.size()
                    + " comes next");
        }
        String string = readString();
        cache.add(string);
        return string;
    }

    private String readString() throws IOException {
        int length = count("string bytes");
        if (length == 0) {
            return "";
        }
        if (length > in.remaining()) {
            // A corrupt length would otherwise be an allocation of up to 2 GiB before the end of the file shows.
            throw malformed("record " + recordNumber + " has a string of " + length + " bytes where the file has "
                    + in.remaining() + " left");
        }
        byte[] bytes = in.readBytes(length);
        byte coder = in.readByte();
        return switch (coder) {
            case LATIN1 -> new String(bytes, StandardCharsets.ISO_8859_1);
            case UTF16 -> new String(bytes, UTF16_NATIVE);
            default -> throw malformed("record " + recordNumber + " has a string of unknown coder " + coder);
        };
    }

    private boolean readBoolean() throws IOException {
        byte value = in.readByte();
        if (value != 0 && value != 1) {
            throw malformed("record " + recordNumber + " has " + value + " where a boolean (0 or 1) belongs");
        }
        return value == 1;
    }

    private int count(String what) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw malformed("record " + recordNumber + " has a negative count of " + what + ": " + count);
        }
        return count;
    }

    private IOException malformed(String why) {
        return new IOException(file + " is not a simulation.log this reader can read: " + why);
    }
}
