package concbench.runner.hosts;

import java.util.ArrayList;
import java.util.List;

/**
 * How the load is divided among the load generator hosts: every sweep level's users, the rate phase's arrivals per
 * second of each step of the latency ladder and the warm-up's users, each divided evenly, the remainder given one apiece to the first hosts. Recorded
 * in each trial of a run on several machines.
 *
 * @param hosts       the load generators' labels, in the order of the parts
 * @param levelUsers  per host, its users of each level
 * @param rates       per host, its arrivals per second of each step of the ladder
 * @param warmupUsers per host, its warm-up users
 */
public record LoadSplit(List<String> hosts, List<List<Integer>> levelUsers, List<List<Integer>> rates,
        List<Integer> warmupUsers) {

    public LoadSplit {
        hosts = List.copyOf(hosts);
        levelUsers = levelUsers.stream().map(List::copyOf).toList();
        rates = rates.stream().map(List::copyOf).toList();
        warmupUsers = List.copyOf(warmupUsers);
    }

    /**
     * @throws IllegalArgumentException when a figure is smaller than the number of hosts, which would leave a host
     *                                  without load in a phase
     */
    public static LoadSplit of(List<String> hosts, List<Integer> levels, List<Integer> ladder, int warmupUsers) {
        int n = hosts.size();
        List<List<Integer>> users = new ArrayList<>();
        List<List<Integer>> rates = new ArrayList<>();
        List<Integer> warmups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int host = i;
            users.add(levels.stream().map(level -> part(level, host, n, "a sweep level")).toList());
            rates.add(ladder.stream().map(rate -> part(rate, host, n, "a rate of the ladder")).toList());
            warmups.add(part(warmupUsers, i, n, "the warm-up's users"));
        }
        return new LoadSplit(hosts, users, rates, warmups);
    }

    /** Host {@code index}'s part of {@code total} among {@code count}: the even part, plus one of the remainder. */
    static int part(int total, int index, int count, String what) {
        if (total < count) {
            throw new IllegalArgumentException(what + " (" + total + ") is smaller than the " + count
                    + " loadgen hosts: each needs at least 1");
        }
        return total / count + (index < total % count ? 1 : 0);
    }
}
