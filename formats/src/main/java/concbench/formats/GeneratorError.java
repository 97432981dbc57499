package concbench.formats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The failures the load generator raised itself, in its own kernel: it ran out of a local resource (file
 * descriptors, local ports, socket memory) and the request never reached the server, or never could. They are
 * the generator's limit, not the server's errors: a phase that has any is generator-bound, and no report, summary
 * or gate counts them against the server. The one place that tells them apart, by the message Gatling records for
 * a failed request in {@code simulation.log} ({@link PhaseStats#errors}).
 *
 * <p>Gatling records a failed request's exception as its abbreviated class name and message, e.g.
 * {@code i.n.c.u.Errors$NativeIoException: newSocketStream(..) failed with error(-24): Too many open files}. With
 * Netty's native transport (epoll, Gatling's default on Linux) the message is {@code <call>(..) failed with
 * error(<-errno>): <strerror>}, a refused connect also wrapped as {@code AnnotatedConnectException} with the
 * address after it; with the JDK's NIO transport it is the JDK's {@code SocketException} or {@code BindException}
 * with the bare {@code strerror} text. So each cause is matched by its Linux errno as Netty writes it, which no
 * locale changes, and by glibc's English {@code strerror}, which the JDK's messages carry. A message in Gatling's
 * JVM with one of these texts can only come from a system call of that JVM: the server's failures reach it as
 * other texts (connection refused or reset, a premature close, a timeout, a status other than 200), which stay
 * the server's.
 */
public enum GeneratorError {
    /**
     * EMFILE (errno 24), the process's open-file limit, and ENFILE (23), the system's: every connection Gatling
     * opens is a file descriptor, and its shared connection pool opens one more whenever none is idle, so a
     * generator that falls behind opens connections until it hits the limit. {@code "Too many open files"} is the
     * start of both texts ({@code "... in system"} for ENFILE).
     */
    FILE_DESCRIPTORS("ran out of file descriptors", "failed to open a socket", "error(-24)", "error(-23)",
            "Too many open files"),
    /**
     * EADDRNOTAVAIL (99): every local port of the ephemeral range is taken by a connection to the same address, open
     * or in TIME_WAIT, so connect() finds no port to connect from.
     */
    LOCAL_PORTS("ran out of local ports", "found no free local port to connect from", "error(-99)",
            "Cannot assign requested address"),
    /**
     * ENOBUFS (105) and ENOMEM (12): the generator's kernel had no memory left for another socket or its buffers.
     */
    SOCKET_MEMORY("ran out of socket memory", "failed for want of kernel memory", "error(-105)", "error(-12)",
            "No buffer space available", "Cannot allocate memory");

    private final String ranOut;
    private final String failed;
    private final List<String> signs;

    GeneratorError(String ranOut, String failed, String... signs) {
        this.ranOut = ranOut;
        this.failed = failed;
        this.signs = List.of(signs);
    }

    /** The load generator's own failure a request's error message names; empty for the server's errors. */
    public static Optional<GeneratorError> of(String message) {
        if (message == null) {
            return Optional.empty();
        }
        for (GeneratorError cause : values()) {
            if (cause.signs.stream().anyMatch(message::contains)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    /** The failures of {@code errors} (message to count) that the generator raised itself, by cause, in order. */
    public static Map<GeneratorError, Long> count(Map<String, Long> errors) {
        Map<GeneratorError, Long> counts = new EnumMap<>(GeneratorError.class);
        errors.forEach((message, count) -> of(message).ifPresent(cause -> counts.merge(cause, count, Long::sum)));
        return counts;
    }

    /**
     * The load generator's own failures among {@code errors} in words, one per cause, e.g. {@code the load generator
     * ran out of file descriptors: 11208 requests failed to open a socket}; empty when it failed none.
     */
    public static List<String> reasons(Map<String, Long> errors) {
        List<String> reasons = new ArrayList<>();
        count(errors).forEach((cause, requests) -> reasons.add(cause.reason(requests)));
        return reasons;
    }

    /** e.g. {@code the load generator ran out of file descriptors: 3 requests failed to open a socket}. */
    public String reason(long requests) {
        return String.format(Locale.ROOT, "the load generator %s: %d request%s %s", ranOut, requests,
                requests == 1 ? "" : "s", failed);
    }
}
