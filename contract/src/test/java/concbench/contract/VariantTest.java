package concbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VariantTest {
    @Test
    void anImplementationAloneIsTheVariantWithoutOptions() {
        Variant loom = Variant.parse("loom");
        assertEquals("loom", loom.implementation());
        assertEquals(Map.of(), loom.options());
        assertEquals("loom", loom.name());
        assertEquals("loom", loom.fileId());
        assertEquals(List.of(), loom.args());
    }

    @Test
    void readsOptionsAndSpellsThemOneWay() {
        Variant variant = Variant.parse("loom:pool=small:client=jdk");
        assertEquals("loom", variant.implementation());
        assertEquals(Map.of("client", "jdk", "pool", "small"), variant.options());
        assertEquals("loom:client=jdk:pool=small", variant.name());
        assertEquals(variant, Variant.parse(variant.name()));
        assertEquals(List.of("--client", "jdk", "--pool", "small"), variant.args());
        assertEquals(variant, Variant.of("loom", Map.of("pool", "small", "client", "jdk")));
    }

    @Test
    void itsFileIdHasNoColonAndReadsBack() {
        Variant variant = Variant.parse("loom:client=jdk");
        assertEquals("loom+client=jdk", variant.fileId());
        assertEquals(variant, Variant.parse(variant.fileId().replace(Variant.FILE_SEPARATOR, Variant.SEPARATOR)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "loom:", "loom:client", "loom:client=", "loom:=jdk", "loom:client=jdk=x",
            "Loom", "loom:client=JDK", "loom:client=jdk:client=helidon", "loom client=jdk", "loom,netty",
            "lo-om", "loom:client=j.dk"})
    void refusesAnythingElseSayingHowAVariantIsWritten(String text) {
        String message = assertThrows(IllegalArgumentException.class, () -> Variant.parse(text)).getMessage();
        assertTrue(message.startsWith("bad variant '" + text + "': "), message);
        assertTrue(message.endsWith("(write IMPL or IMPL:OPTION=VALUE[:OPTION=VALUE], e.g. loom:client=jdk)"),
                message);
    }
}
