package concbench.gate;

import concbench.formats.Comparison.Row;
import java.util.List;

/** The rows of a comparison, and what could not be compared, each with the reason. */
record Rows(List<Row> rows, List<String> notCompared) {
    Rows {
        rows = List.copyOf(rows);
        notCompared = List.copyOf(notCompared);
    }
}
