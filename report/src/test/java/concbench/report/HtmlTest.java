package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void markdownCannotBreakATableOrEmbedMarkup() {
        assertEquals("a \\| b &lt;script&gt; \\*x\\* next", Markdown.escape("a | b <script> *x*\nnext"));
    }
}
