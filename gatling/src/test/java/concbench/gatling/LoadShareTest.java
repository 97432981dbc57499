package concbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoadShareTest {
    private static final LoadProfile PROFILE = LoadProfile.from(properties("levels", "16,64", "rate", "500"));

    @Test
    void withoutAShareTheGeneratorMakesTheWholeLoad() {
        assertEquals(new LoadShare(List.of(16, 64), 500), LoadShare.from(new Properties(), PROFILE));
    }

    @Test
    void readsItsUsersPerLevelAndItsRate() {
        assertEquals(new LoadShare(List.of(8, 32), 250),
                LoadShare.from(properties("shareLevels", "8, 32", "shareRate", "250"), PROFILE));
    }

    @Test
    void refusesAShareOfAnotherShapeOrOfNothing() {
        assertThrows(IllegalArgumentException.class, () -> LoadShare.from(properties("shareLevels", "8"), PROFILE));
        assertThrows(IllegalArgumentException.class,
                () -> LoadShare.from(properties("shareLevels", "8,0"), PROFILE));
        assertThrows(IllegalArgumentException.class, () -> LoadShare.from(properties("shareRate", "x"), PROFILE));
    }

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }
}
