package concbench.report;

import java.util.Arrays;
import java.util.List;

/**
 * A table the page and the summary both show: built once from the results, rendered as HTML by {@link Html} and
 * as GitHub Markdown by {@link Markdown}, so the two never disagree.
 *
 * @param notes what the marks in the table mean, shown under it
 */
record Table(List<String> header, List<Row> rows, List<String> notes) {
    Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** The same table without its notes, for tables that share theirs. */
    Table withoutNotes() {
        return new Table(header, rows, List.of());
    }

    /** Why a row stands out: its numbers carry a caveat, its trial failed, or a comparison flagged it. */
    enum Mark { NONE, CAVEAT, FAILED, REGRESSION, IMPROVEMENT }

    /**
     * @param href  a relative link, or null
     * @param muted a figure shown for completeness that is not what its column measures (a sweep's latency)
     */
    record Cell(String text, String href, boolean muted) {
        static Cell of(String text) {
            return new Cell(text, null, false);
        }
    }

    record Row(List<Cell> cells, Mark mark) {
        Row {
            cells = List.copyOf(cells);
        }

        static Row of(Mark mark, String... texts) {
            return new Row(Arrays.stream(texts).map(Cell::of).toList(), mark);
        }
    }
}
