package concbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server's own options: parsed beside the shared ones, refused outside their choices, listed by --help. */
class ServerOptionTest {
    private static final ServerOption CLIENT = new ServerOption("client", "back-end HTTP client",
            List.of("helidon", "jdk"));

    @Test
    void aGivenOptionReachesTheServerAndAnAbsentOneTakesItsDefault() {
        ServerConfig given = ServerConfig.fromArgs(List.of(CLIENT), "--port", "0", "--client", "jdk");
        assertEquals(Map.of("client", "jdk"), given.options());
        assertEquals("jdk", CLIENT.valueIn(given));
        ServerConfig absent = ServerConfig.fromArgs(List.of(CLIENT), "--port", "0");
        assertEquals(Map.of(), absent.options());
        assertEquals("helidon", CLIENT.valueIn(absent));
        assertEquals("jdk", CLIENT.valueIn(absent.withOptions(Map.of("client", "jdk")).withPort(1)));
    }

    @Test
    void aValueOutsideTheChoicesIsRefusedNamingThem() {
        assertEquals("--client must be one of helidon, jdk, got 'foo'", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromArgs(List.of(CLIENT), "--client", "foo")).getMessage());
    }

    @Test
    void aServerWithoutTheOptionRefusesIt() {
        assertEquals("unknown option --client", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromArgs("--client", "jdk")).getMessage());
    }

    @Test
    void helpListsTheServersOwnOptionsWithTheirChoices() {
        String usage = ServerConfig.usage(List.of(CLIENT));
        assertTrue(usage.contains("--backend-connections"), usage);
        assertTrue(usage.contains("--client") && usage.contains("back-end HTTP client (helidon or jdk; default helidon)"),
                usage);
    }
}
