package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one Markdown escaping: text from the results can neither break a table nor become markup. */
class MarkdownTest {
    private static final String HOSTILE = "a | b <script>alert(1)</script> *x* _y_ `code` [link](http://x) #1 \\ "
            + "&amp;\r\nnext";

    @Test
    void textCannotBreakATableOrEmbedMarkup() {
        assertEquals("a \\| b &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\_y\\_ \\`code\\` \\[link\\](http://x) "
                + "\\#1 \\\\ &amp;amp;  next", Markdown.escape(HOSTILE));
        assertEquals("", Markdown.escape(null));
    }

    @Test
    void aTableKeepsItsColumnsWhateverItsCellsHold() {
        Table table = new Table(List.of("name | evil", "value"), List.of(
                Table.Row.of(Table.Mark.NONE, HOSTILE, "1"),
                Table.Row.of(Table.Mark.REGRESSION, "slower\nby far", "")),
                List.of("note | with *stars*\nand a break"));
        String md = Markdown.table(table);
        List<String> lines = md.lines().toList();
        assertEquals("| name \\| evil | value |", lines.get(0));
        assertEquals("|---|---|", lines.get(1));
        assertTrue(lines.get(2).startsWith("| a \\| b &lt;script&gt;"), md);
        assertTrue(lines.get(2).endsWith(" next | 1 |"), "the row stays on one line: " + md);
        assertEquals("| **slower by far** |  |", lines.get(3), "a regression in bold, an empty cell without stars");
        assertEquals("note \\| with \\*stars\\* and a break", lines.get(5));
        assertEquals(6, lines.size(), md);
        for (String row : lines.subList(0, 4)) {
            assertEquals(3, row.replace("\\|", "").chars().filter(c -> c == '|').count(), "two columns: " + row);
        }
    }

    @Test
    void aCodeSpanShowsItsTextWhateverBackticksItHolds() {
        assertEquals("`results/run-1 @ 3304380aaaaa, profile smoke`",
                Markdown.code("results/run-1 @ 3304380aaaaa, profile smoke"));
        assertEquals("``a ` b``", Markdown.code("a ` b"), "a fence longer than any run inside");
        assertEquals("``` ``x`` ```", Markdown.code("``x``"), "padded where it starts or ends with a backtick");
        assertEquals("`<script> a b`", Markdown.code("<script> a\nb"), "a code span is literal; one line");
        assertEquals("``", Markdown.code(null));
    }
}
