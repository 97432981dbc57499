package concbench.runner.hosts;

import concbench.formats.CpuSet;

/**
 * One line of a hosts file: a machine in one role.
 *
 * @param role        what it runs
 * @param index       1, 2, ... among the hosts of its role (load generators); 1 for the others
 * @param destination what {@code ssh} is given: an alias of the user's {@code ~/.ssh/config}, {@code host} or
 *                    {@code user@host}
 * @param address     where the other hosts reach it (the server's address for the load generators, the back
 *                    end's for the server); null until resolved from {@code ssh -G}
 * @param dir         the folder on the host that the suite's files are shipped to and run from, relative to the
 *                    login's home unless absolute
 * @param cpus        the CPUs its process is pinned to; null for the default, derived from the host's CPU count
 */
public record Host(Role role, int index, String destination, String address, String dir, CpuSet cpus) {
    /** Where the files go when the hosts file says nothing: a folder per role in the login's home. */
    static final String DEFAULT_DIR_PARENT = ".cache/conc-bench/";

    /** {@code server}, {@code backend}, {@code loadgen-1}, ...: its name in logs, folders and the results. */
    public String label() {
        return role == Role.LOADGEN ? role.word() + "-" + index : role.word();
    }

    Host withAddress(String newAddress) {
        return new Host(role, index, destination, newAddress, dir, cpus);
    }

    Host withDir(String newDir) {
        return new Host(role, index, destination, address, newDir, cpus);
    }

    Host withCpus(CpuSet newCpus) {
        return new Host(role, index, destination, address, dir, newCpus);
    }

    @Override
    public String toString() {
        return label() + " " + destination;
    }
}
