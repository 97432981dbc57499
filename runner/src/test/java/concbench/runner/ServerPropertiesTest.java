package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.ServerProperties;
import concbench.contract.Variant;
import concbench.formats.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each server starts with the system properties of its own file, after the flags all share, and only those. */
class ServerPropertiesTest {
    @TempDir
    Path root;

    private void project() throws IOException {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve(Launcher.SERVER_FLAGS), "# shared\n-Xmx1g\n");
        Files.writeString(root.resolve("config/netty.properties"),
                "# why, and where from\nio.netty.leakDetection.level=disabled\n\n  # another\n  a.b=c  \n");
        for (String module : List.of("netty-impl", "loom-impl")) {
            Files.createDirectories(root.resolve(module).resolve("target"));
            Files.writeString(root.resolve(module).resolve("target").resolve(module + "-1-all.jar"), "");
        }
    }

    @Test
    void readsNameValueLinesInOrder() throws IOException {
        project();
        assertEquals(Map.of("io.netty.leakDetection.level", "disabled", "a.b", "c"),
                ServerProperties.read(ServerProperties.file(root, "netty")));
        assertEquals(List.of("-Dio.netty.leakDetection.level=disabled", "-Da.b=c"), ServerProperties.jvmArguments(
                ServerProperties.read(ServerProperties.file(root, "netty"))));
        assertEquals(Map.of(), ServerProperties.read(ServerProperties.file(root, "undertow")));
    }

    @Test
    void refusesAnythingButAPropertyNamingTheLine() throws IOException {
        project();
        for (String line : List.of("-Xmx2g", "-Da=b", "a = b", "a=b c", "=b")) {
            Path file = root.resolve("config/bad.properties");
            Files.writeString(file, "# fine\n" + line + "\n");
            String message = assertThrows(IOException.class, () -> ServerProperties.read(file)).getMessage();
            assertTrue(message.contains("bad.properties line 2"), message);
        }
        Path twice = root.resolve("config/twice.properties");
        Files.writeString(twice, "a=1\na=2\n");
        assertThrows(IOException.class, () -> ServerProperties.read(twice));
    }

    /** The launcher's command line: shared flags, the implementation's properties, the jar, the variant's options. */
    @Test
    void theServerCommandCarriesItsPropertiesAndItsVariantsOptions() throws IOException {
        project();
        Launcher launcher = new Launcher(root);
        List<String> netty = launcher.server(Variant.parse("netty"), CpuSet.parse("0"), "http://127.0.0.1:1");
        int jar = netty.indexOf("-jar");
        assertTrue(netty.indexOf("-Xmx1g") < netty.indexOf("-Dio.netty.leakDetection.level=disabled"), netty.toString());
        assertTrue(netty.indexOf("-Da.b=c") < jar, netty.toString());
        assertTrue(netty.get(jar + 1).endsWith("netty-impl-1-all.jar"), netty.toString());

        List<String> loom = launcher.server(Variant.parse("loom:client=jdk"), CpuSet.parse("0"), "http://127.0.0.1:1");
        assertTrue(loom.stream().noneMatch(arg -> arg.startsWith("-D")), "netty's properties reached loom: " + loom);
        assertTrue(loom.get(loom.indexOf("-jar") + 1).endsWith("loom-impl-1-all.jar"), loom.toString());
        assertEquals(List.of("--client", "jdk"), loom.subList(loom.size() - 2, loom.size()));
    }

    /** The four files the project ships are readable, and each exists, so that every server says what it sets. */
    @Test
    void everyImplementationOfTheProjectHasAReadableFile() throws IOException {
        Path project = Path.of(System.getProperty("concbench.root")).toAbsolutePath().normalize();
        for (String implementation : new Launcher(project).implementations()) {
            Path file = ServerProperties.file(project, implementation);
            assertTrue(Files.isRegularFile(file), file + " is missing");
            ServerProperties.read(file);
        }
    }
}
