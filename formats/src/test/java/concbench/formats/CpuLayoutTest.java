package concbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuLayoutTest {
    @ParameterizedTest
    @CsvSource({"0,0", "0-3,0-3", "'0-1,3','0-1,3'", "'5,1,2,3','1-3,5'", "'0, 2','0,2'"})
    void parsesAndPrintsTheListForm(String list, String printed) {
        assertEquals(printed, CpuSet.parse(list).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "3-1", "-1", "1-", "1,,2"})
    void rejectsWhatIsNotACpuList(String list) {
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse(list));
    }

    @Test
    void aSetWithoutAnotherKeepsWhatIsLeftOrNothing() {
        assertEquals(Optional.of(CpuSet.parse("1-3")), CpuSet.parse("0-3").without(CpuSet.parse("0,5")));
        assertEquals(Optional.empty(), CpuSet.parse("0-1").without(CpuSet.parse("0-3")));
    }

    @Test
    void twoCpusGiveTheServerOneAndEverythingElseTheOther() {
        CpuLayout layout = CpuLayout.derive(CpuSet.parse("0-1"));
        assertEquals("server 0, load generator 1, back end 1", layout.toString());
        assertTrue(layout.warnings().isEmpty());
    }

    @Test
    void largerMachinesGetThreeDisjointSets() {
        assertEquals("server 0-3, load generator 4-6, back end 7", CpuLayout.derive(CpuSet.parse("0-7")).toString());
        assertEquals("server 0-1, load generator 2, back end 3", CpuLayout.derive(CpuSet.parse("0-3")).toString());
        assertEquals("server 0-15, load generator 16-27, back end 28-31",
                CpuLayout.derive(CpuSet.parse("0-31")).toString());
    }

    @Test
    void oneCpuSharesEverythingAndSaysSo() {
        CpuLayout layout = CpuLayout.derive(CpuSet.parse("0"));
        assertFalse(layout.warnings().isEmpty());
    }

    @Test
    void overridesReplaceOnlyWhatIsGiven() {
        CpuLayout layout = CpuLayout.derive(CpuSet.parse("0-3")).override(CpuSet.parse("0"), null, null);
        assertEquals("server 0, load generator 2, back end 3", layout.toString());
    }
}
