package concbench.runner;

import concbench.formats.ThreadRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * Which role each thread of a server has, by its name as {@code /proc/<pid>/task/<tid>/comm} gives it: the name
 * the JVM set, cut to 15 characters by the kernel ({@code ForkJoinPool-1-worker-3} reads {@code ForkJoinPool-1-}),
 * so every pattern is written for the cut name.
 *
 * <p>An implementation declares its own threads in {@value #RESOURCE} in its jar, a regular expression per role
 * ({@code request}, {@code backendClient}) over the cut name; the runner reads it from the jar and never loads a
 * server's classes. The JVM's own threads (compiler, GC) are the same in every server and declared here. The
 * implementation's patterns are tried first, then the JVM's; a thread matching none is {@link ThreadRole#OTHER}.
 */
final class ThreadRoles {
    static final String RESOURCE = "concbench/thread-roles.properties";
    /** HotSpot's names: {@code C2 CompilerThread0}; G1's {@code GC Thread#0}, {@code G1 Conc#0}, {@code G1 Refine#0}. */
    private static final Map<ThreadRole, Pattern> JVM = Map.of(
            ThreadRole.COMPILER, Pattern.compile("C[12] CompilerThre.*"),
            ThreadRole.GC, Pattern.compile("GC Thread#\\d+|G1 .*"));
    private static final int COMM_LENGTH = 15;

    private final Map<ThreadRole, Pattern> own;
    private final Map<String, ThreadRole> known = new HashMap<>();

    private ThreadRoles(Map<ThreadRole, Pattern> own) {
        this.own = own;
    }

    /** The roles declared in {@value #RESOURCE} of a runnable jar; none (every own thread "other") without one. */
    static ThreadRoles ofJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry entry = file.getEntry(RESOURCE);
            if (entry == null) {
                return new ThreadRoles(Map.of());
            }
            try (InputStream in = file.getInputStream(entry)) {
                return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), jar + "!/"
                        + RESOURCE);
            }
        }
    }

    /** @throws IOException naming {@code source} when a role or a pattern is wrong */
    static ThreadRoles parse(String properties, String source) throws IOException {
        Properties read = new Properties();
        read.load(new StringReader(properties));
        Map<ThreadRole, Pattern> own = new EnumMap<>(ThreadRole.class);
        for (String key : read.stringPropertyNames()) {
            try {
                ThreadRole role = ThreadRole.ofKey(key);
                if (role != ThreadRole.REQUEST && role != ThreadRole.BACKEND_CLIENT) {
                    throw new IllegalArgumentException("an implementation declares its request and backendClient "
                            + "threads only, not " + key);
                }
                own.put(role, Pattern.compile(read.getProperty(key).strip()));
            } catch (IllegalArgumentException e) {
                // a PatternSyntaxException is one too
                throw new IOException(source + ": " + e.getMessage(), e);
            }
        }
        return new ThreadRoles(own);
    }

    /** The role of a thread by its name as {@code /proc} gives it (a longer name is cut as the kernel cuts it). */
    ThreadRole of(String comm) {
        return known.computeIfAbsent(comm.length() > COMM_LENGTH ? comm.substring(0, COMM_LENGTH) : comm,
                this::match);
    }

    private ThreadRole match(String name) {
        for (ThreadRole role : ThreadRole.values()) {
            Pattern pattern = own.containsKey(role) ? own.get(role) : JVM.get(role);
            if (pattern != null && pattern.matcher(name).matches()) {
                return role;
            }
        }
        return ThreadRole.OTHER;
    }

    /** The implementation's patterns by role key, for the trial's record of how its threads were grouped. */
    Map<String, String> declared() {
        Map<String, String> declared = new LinkedHashMap<>();
        own.forEach((role, pattern) -> declared.put(role.key(), pattern.pattern()));
        return declared;
    }
}
