package concbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoadShareTest {
    private static final LoadProfile PROFILE = LoadProfile.from(properties("levels", "16,64", "rates", "500,1000"));

    @Test
    void withoutAShareTheGeneratorMakesTheWholeLoad() {
        assertEquals(new LoadShare(List.of(16, 64), List.of(500, 1000)), LoadShare.from(new Properties(), PROFILE));
    }

    @Test
    void readsItsUsersPerLevelAndItsRates() {
        assertEquals(new LoadShare(List.of(8, 32), List.of(250, 500)),
                LoadShare.from(properties("shareLevels", "8, 32", "shareRates", "250,500"), PROFILE));
    }

    @Test
    void refusesAShareOfAnotherShapeOrOfNothing() {
        assertThrows(IllegalArgumentException.class, () -> LoadShare.from(properties("shareLevels", "8"), PROFILE));
        assertThrows(IllegalArgumentException.class,
                () -> LoadShare.from(properties("shareLevels", "8,0"), PROFILE));
        assertThrows(IllegalArgumentException.class, () -> LoadShare.from(properties("shareRates", "x,1"), PROFILE));
    }

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }
}
