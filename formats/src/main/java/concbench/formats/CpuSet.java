package concbench.formats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A set of CPU numbers, in the list form {@code taskset -c} and {@code /proc/self/status} use: {@code 0-3,6}. */
public record CpuSet(List<Integer> cpus) {
    public CpuSet {
        cpus = List.copyOf(new TreeSet<>(cpus));
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a CPU set needs at least one CPU");
        }
    }

    /** @throws IllegalArgumentException for anything but a list of CPU numbers and ranges */
    @JsonCreator
    public static CpuSet parse(String list) {
        List<Integer> cpus = new ArrayList<>();
        try {
            for (String part : list.trim().split(",")) {
                int dash = part.indexOf('-');
                int first = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).trim());
                int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1).trim());
                if (first < 0 || last < first) {
                    throw new IllegalArgumentException("bad CPU range '" + part + "'");
                }
                for (int cpu = first; cpu <= last; cpu++) {
                    cpus.add(cpu);
                }
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a CPU list: '" + list + "' (expected e.g. 0-3,6)");
        }
        return new CpuSet(cpus);
    }

    public int size() {
        return cpus.size();
    }

    public boolean overlaps(CpuSet other) {
        return cpus.stream().anyMatch(other.cpus::contains);
    }

    public CpuSet union(CpuSet other) {
        List<Integer> both = new ArrayList<>(cpus);
        both.addAll(other.cpus);
        return new CpuSet(both);
    }

    /** The CPUs of this set that are not in {@code other}; empty when every one is. */
    public Optional<CpuSet> without(CpuSet other) {
        List<Integer> rest = cpus.stream().filter(cpu -> !other.cpus.contains(cpu)).toList();
        return rest.isEmpty() ? Optional.empty() : Optional.of(new CpuSet(rest));
    }

    /** The first {@code count} CPUs from position {@code from}. */
    public CpuSet slice(int from, int count) {
        return new CpuSet(cpus.subList(from, from + count));
    }

    /** The compact list form, e.g. {@code 0-3,6}: also the form the results files hold. */
    @JsonValue
    @Override
    public String toString() {
        List<String> ranges = new ArrayList<>();
        int start = cpus.getFirst();
        int previous = start;
        for (int cpu : cpus.subList(1, cpus.size())) {
            if (cpu != previous + 1) {
                ranges.add(range(start, previous));
                start = cpu;
            }
            previous = cpu;
        }
        ranges.add(range(start, previous));
        return ranges.stream().collect(Collectors.joining(","));
    }

    private static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
