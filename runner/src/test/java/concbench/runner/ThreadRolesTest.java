package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.ThreadRole;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadRolesTest {
    @Test
    void groupsThreadsByTheirNamesAsTheKernelCutsThem() throws IOException {
        ThreadRoles roles = ThreadRoles.parse("request = ForkJoinPool-\\\\d+-.*|server-@.*\n"
                + "backendClient = HttpClient-\\\\d+-Se.*\n", "test");
        assertEquals(ThreadRole.REQUEST, roles.of("ForkJoinPool-1-"));
        assertEquals(ThreadRole.REQUEST, roles.of("ForkJoinPool-1-worker-3"), "a full name is cut as /proc cuts it");
        assertEquals(ThreadRole.BACKEND_CLIENT, roles.of("HttpClient-1-Se"));
        assertEquals(ThreadRole.COMPILER, roles.of("C2 CompilerThre"));
        assertEquals(ThreadRole.COMPILER, roles.of("C1 CompilerThre"));
        assertEquals(ThreadRole.GC, roles.of("GC Thread#0"));
        assertEquals(ThreadRole.GC, roles.of("G1 Conc#0"));
        assertEquals(ThreadRole.OTHER, roles.of("VM Thread"));
        assertEquals(ThreadRole.OTHER, roles.of("java"), "matching nothing is other, never dropped");
        assertEquals(Map.of("request", "ForkJoinPool-\\d+-.*|server-@.*", "backendClient", "HttpClient-\\d+-Se.*"),
                roles.declared());
    }

    @Test
    void anImplementationDeclaresOnlyItsOwnRoles() {
        IOException compiler = assertThrows(IOException.class, () -> ThreadRoles.parse("compiler = C2.*", "x.jar"));
        assertTrue(compiler.getMessage().startsWith("x.jar: "), compiler.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> ThreadRoles.parse("workers = w.*", "x.jar"));
        assertTrue(unknown.getMessage().contains("unknown thread role 'workers'"), unknown.getMessage());
        IOException pattern = assertThrows(IOException.class, () -> ThreadRoles.parse("request = (", "x.jar"));
        assertTrue(pattern.getMessage().startsWith("x.jar: "), pattern.getMessage());
    }
}
