package concbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void readsEveryOptionInBothForms() {
        ServerConfig config = ServerConfig.fromArgs("--port", "0", "--backend=http://localhost:9999",
                "--downstream-timeout-ms", "250", "--io-threads", "3", "--backend-connections", "64");
        assertEquals(0, config.port());
        assertEquals(URI.create("http://localhost:9999"), config.backend());
        assertEquals(Duration.ofMillis(250), config.downstreamTimeout());
        assertEquals(3, config.ioThreads());
        assertEquals(64, config.backendConnections());
    }

    @Test
    void rejectsWhatIsNotAnOptionWithItsName() {
        assertEquals("unknown option --prot",
                assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromArgs("--prot", "1")).getMessage());
        assertEquals("--port must be an integer from 0 to 65535, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromArgs("--port", "x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromArgs("--port"));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromArgs("--port", "1", "--port", "2"));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromArgs("--backend", "ftp://x:1"));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromArgs("--calls", "2000"));
    }

    @Test
    void recognisesAddressInUseDownTheCauseChain() {
        assertTrue(ServerLauncher.isAddressInUse(new RuntimeException(new BindException("x"))));
        assertTrue(ServerLauncher.isAddressInUse(new java.io.IOException("bind(..) failed: Address already in use")));
    }
}
