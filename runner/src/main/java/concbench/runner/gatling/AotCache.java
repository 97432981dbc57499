package concbench.runner.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The load generator's JVM started from an AOT cache (JDK 25: classes loaded and linked ahead of time, with the
 * method profiles of a training run). Every trial starts a fresh Gatling JVM, and from launch to its simulation
 * starting it took 6.1 to 6.6 s on one CPU of a 2-CPU machine, 2.9 to 4.2 s from the cache (three runs each, in
 * turn): most of a smoke trial's time. The cache holds Gatling only; the servers start as they always do.
 *
 * <p>A cache is made by one training run ({@code -XX:AOTCacheOutput}) and used by every later JVM
 * ({@code -XX:AOTCache}). The JDK checks that the JVM's flags and JDK match the cache, but not that the jars did
 * not change: a cache made before a rebuild served the old classes of the rebuilt jar, without a word. So a cache
 * is named after a digest of all it was made from, the JDK's {@code release} file, the flags and the bytes of every
 * jar, and a rebuilt jar simply names another cache.
 */
public final class AotCache {
    /** Where the caches are kept: beside the jars they were made from, gone with them on a clean build. */
    static final Path FOLDER = Path.of("gatling", "target", "aot");
    private static final String SUFFIX = ".aot";
    private static final int DIGEST_CHARS = 16;

    private final Path file;

    private AotCache(Path file) {
        this.file = file;
    }

    /**
     * The cache for this project's load generator run by {@code java} with {@code flags}, made or not.
     *
     * @throws IOException when a jar cannot be read
     */
    public static AotCache of(Path projectRoot, String java, List<String> flags) throws IOException {
        return new AotCache(projectRoot.toAbsolutePath().resolve(FOLDER)
                .resolve(digest(projectRoot.toAbsolutePath(), java, flags) + SUFFIX));
    }

    public Path file() {
        return file;
    }

    /** Whether it was made: a training run that ended well left it. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The flag that starts a JVM from the cache. */
    public List<String> useFlags() {
        return List.of("-XX:AOTCache=" + file);
    }

    /**
     * The flag of the training run, which writes the cache as it exits, to {@link #pending()}: a training run cut
     * short leaves no half cache under the name a later JVM would use.
     */
    public List<String> trainingFlags() {
        return List.of("-XX:AOTCacheOutput=" + pending());
    }

    /** Where this process's training run writes the cache, until {@link #commit} names it: two runs never mix. */
    public Path pending() {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".pending");
    }

    /** Names the cache the training run wrote, in place of any older cache: those were made from other jars. */
    public void commit() throws IOException {
        try (Stream<Path> older = Files.list(file.getParent())) {
            for (Path cache : older.filter(path -> path.toString().endsWith(SUFFIX) && !path.equals(file)).toList()) {
                Files.deleteIfExists(cache);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(pending(), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String digest(Path projectRoot, String java, List<String> flags) throws IOException {
        MessageDigest digest = sha256();
        Path release = Path.of(java).toAbsolutePath().getParent().getParent().resolve("release");
        update(digest, java);
        if (Files.isRegularFile(release)) {
            digest.update(Files.readAllBytes(release));
        }
        flags.forEach(flag -> update(digest, flag));
        for (Path jar : jars(projectRoot)) {
            update(digest, projectRoot.relativize(jar).toString());
            digest.update(Files.readAllBytes(jar));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, DIGEST_CHARS);
    }

    /** The jars of the class path, in a fixed order. */
    private static List<Path> jars(Path projectRoot) throws IOException {
        try (Stream<Path> libraries = Files.list(projectRoot.resolve(GatlingCommand.LIBRARIES))) {
            return Stream.concat(Stream.of(projectRoot.resolve(GatlingCommand.MODULE_JAR)),
                    libraries.filter(path -> path.toString().endsWith(".jar")).sorted()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
