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
    void pValuesKeepTheSideOfEveryThresholdTheyWereOn() {
        assertEquals("0.0099", Fmt.pValue(0.009999));
        assertEquals("0.01", Fmt.pValue(0.01));
        assertEquals("0.15", Fmt.pValue(0.15841612042305636));
        assertEquals("0.5", Fmt.pValue(0.5));
        assertEquals("<0.0001", Fmt.pValue(0.00002));
    }

    @Test
    void markdownCannotBreakATableOrEmbedMarkup() {
        assertEquals("a \\| b &lt;script&gt; \\*x\\* next", Markdown.escape("a | b <script> *x*\nnext"));
    }

    @Test
    void numbersAtGatlingsResolution() {
        assertEquals("<1", Fmt.ms(0));
        assertEquals("3", Fmt.ms(3));
        assertEquals("337.5", Fmt.ms(337.5));
        assertEquals("1,532", Fmt.decimal(1532.4));
        assertEquals("0.1432", Fmt.decimal(0.14321));
        assertEquals("23", Fmt.decimal(23.0));
        assertEquals("0.512", Fmt.decimal(0.512));
        assertEquals("n/a", Fmt.decimal(Double.NaN));
    }
}
