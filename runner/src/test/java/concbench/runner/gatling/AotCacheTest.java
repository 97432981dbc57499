package concbench.runner.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {
    private static final List<String> FLAGS = List.of("-Xms1g", "-Xmx1g");

    @TempDir
    Path root;
    private Path java;

    @BeforeEach
    void aProjectWithGatlingBuilt() throws IOException {
        Path jdk = Files.createDirectories(root.resolve("jdk/bin"));
        java = Files.writeString(jdk.resolve("java"), "");
        Files.writeString(root.resolve("jdk/release"), "JAVA_VERSION=\"25.0.3\"\n");
        Files.createDirectories(root.resolve(GatlingCommand.LIBRARIES));
        Files.writeString(root.resolve(GatlingCommand.MODULE_JAR), "simulations");
        Files.writeString(root.resolve(GatlingCommand.LIBRARIES).resolve("gatling-core.jar"), "core");
    }

    private AotCache cache(List<String> flags) throws IOException {
        return AotCache.of(root, java.toString(), flags);
    }

    @Test
    void theSameJarsFlagsAndJdkNameTheSameCache() throws IOException {
        assertEquals(cache(FLAGS).file(), cache(FLAGS).file());
        assertEquals(root.toAbsolutePath().resolve(AotCache.FOLDER), cache(FLAGS).file().getParent());
    }

    @Test
    void aRebuiltJarNamesAnotherCacheSinceTheJdkWouldServeItsOldClasses() throws IOException {
        Path before = cache(FLAGS).file();
        Files.writeString(root.resolve(GatlingCommand.MODULE_JAR), "simulations, changed");
        assertNotEquals(before, cache(FLAGS).file());
    }

    @Test
    void aLibraryAddedOtherFlagsOrAnotherJdkNameAnotherCache() throws IOException {
        Path before = cache(FLAGS).file();
        assertNotEquals(before, cache(List.of("-Xms2g", "-Xmx2g")).file());
        Files.writeString(root.resolve("jdk/release"), "JAVA_VERSION=\"25.0.4\"\n");
        Path otherJdk = cache(FLAGS).file();
        assertNotEquals(before, otherJdk);
        Files.writeString(root.resolve(GatlingCommand.LIBRARIES).resolve("netty.jar"), "netty");
        assertNotEquals(otherJdk, cache(FLAGS).file());
    }

    @Test
    void theTrainingWritesAPendingFileThatCommitNamesInPlaceOfOlderCaches() throws IOException {
        AotCache cache = cache(FLAGS);
        Files.createDirectories(cache.file().getParent());
        Path older = Files.writeString(cache.file().resolveSibling("0123456789abcdef.aot"), "old");
        assertFalse(cache.exists());
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache.pending()), cache.trainingFlags());
        Files.writeString(cache.pending(), "cache");
        cache.commit();
        assertTrue(cache.exists());
        assertFalse(Files.exists(cache.pending()));
        assertFalse(Files.exists(older), "a cache of other jars is of no more use");
        assertEquals(List.of("-XX:AOTCache=" + cache.file()), cache.useFlags());
    }

    @Test
    void theCacheFlagsGoAfterTheFlagsFileAndBeforeTheClassPath() throws IOException {
        Path config = Files.createDirectories(root.resolve("config"));
        Files.writeString(config.resolve("loadgen-jvm.flags"), "# comment\n-Xmx1g\n");
        List<String> command = new GatlingCommand(root, "Sim", Map.of(), root.resolve("out"), List.of(), false,
                List.of("-XX:AOTCache=x.aot")).toList(root, "java");
        assertEquals(List.of("java", "-Xmx1g", "-XX:AOTCache=x.aot", "-cp"), command.subList(0, 4));
    }
}
