package concbench.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The memory of this JVM at one moment, after a full collection, in three views:
 *
 * @param heapBytes   live Java heap: what the collector kept ({@code MemoryMXBean} heap used right after
 *                    {@link System#gc()}); a parked virtual thread's stack lives here
 * @param nativeBytes memory the JVM committed outside the Java heap, from Native Memory Tracking (everything NMT
 *                    counts minus the Java heap); a platform thread's stack lives here. {@code NaN} when the JVM
 *                    runs without {@code -XX:NativeMemoryTracking=summary}
 * @param rssBytes    the process's resident set ({@code VmRSS} of {@code /proc/self/status}): what the OS gives it,
 *                    whoever allocated it; {@code NaN} off Linux
 */
record MemorySnapshot(double heapBytes, double nativeBytes, double rssBytes) {
    private static final long KB = 1024;
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern NMT_HEAP = Pattern.compile("Java Heap \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    /** Collects first, so that garbage is not counted; then reads the three views. */
    static MemorySnapshot take() {
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new MemorySnapshot(heap, nativeCommitted(), residentSet());
    }

    /** What grew between {@code before} and this snapshot, per task. */
    MemorySnapshot growthSince(MemorySnapshot before, int tasks) {
        return new MemorySnapshot((heapBytes - before.heapBytes) / tasks, (nativeBytes - before.nativeBytes) / tasks,
                (rssBytes - before.rssBytes) / tasks);
    }

    private static double nativeCommitted() {
        String summary;
        try {
            summary = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the VM.native_memory command failed", e);
        }
        Matcher total = NMT_TOTAL.matcher(summary);
        Matcher heap = NMT_HEAP.matcher(summary);
        if (!total.find() || !heap.find()) {
            return Double.NaN;
        }
        return (Long.parseLong(total.group(1)) - Long.parseLong(heap.group(1))) * KB;
    }

    private static double residentSet() {
        try {
            Matcher rss = VM_RSS.matcher(Files.readString(PROC_STATUS));
            return rss.find() ? Long.parseLong(rss.group(1)) * KB : Double.NaN;
        } catch (IOException notLinux) {
            return Double.NaN;
        }
    }
}
