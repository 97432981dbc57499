package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&</a>"));
    }

    @Test
    void linksOnlyRelativeToTheFolder() {
        assertEquals("gatling/a%20b/index.html", Html.relativeHref("gatling/a b/index.html"));
        assertNull(Html.relativeHref("javascript:alert(1)"));
        assertNull(Html.relativeHref("https://example.com/x"));
        assertNull(Html.relativeHref("/etc/passwd"));
        assertEquals("../rounds/head-1/gatling/x/index.html",
                Html.relativeHref("../rounds/head-1/gatling/x/index.html"), "a trial ./bench ab pooled");
        assertNull(Html.relativeHref(null));
    }

    @Test
    void hostileTextInATableStaysText() {
        String hostile = "<script>alert('x')</script> | `rm` \"quoted\" &amp;\nnext line";
        Table table = new Table(List.of("name <b>", hostile), List.of(new Table.Row(List.of(Table.Cell.of(hostile),
                new Table.Cell(hostile, Html.relativeHref("gatling/a\"b <c>/index.html"), false)),
                Table.Mark.REGRESSION)), List.of(hostile));
        String html = Html.table(table, "comparison");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<th>name &lt;b&gt;</th>"), html);
        assertTrue(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | `rm` &quot;quoted&quot; "
                + "&amp;amp;\nnext line</td>"), "a newline is harmless inside a cell: " + html);
        assertTrue(html.contains("<a href=\"gatling/a%22b%20%3Cc%3E/index.html\">"), "the link stays one attribute");
        assertTrue(html.contains("<p class=\"note\">&lt;script&gt;"), html);
    }
}
