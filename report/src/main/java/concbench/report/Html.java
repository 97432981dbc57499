package concbench.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.IntFunction;

/** Escaping and the HTML of a {@link Table}: every string from the results goes through {@link #escape}. */
final class Html {
    private Html() {
    }

    /** Text safe inside an element and inside a quoted attribute. */
    static String escape(String text) {
        return replaceEach(text, c -> switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        });
    }

    /**
     * Each character replaced by what {@code replacement} gives for it, or kept where it gives null; null text is
     * empty. The escaping of HTML and of Markdown.
     */
    static String replaceEach(String text, IntFunction<String> replacement) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            String replaced = replacement.apply(c);
            if (replaced == null) {
                out.append((char) c);
            } else {
                out.append(replaced);
            }
        });
        return out.toString();
    }

    /**
     * A link target relative to the folder, percent-encoded; null for anything else (an absolute path, a scheme such
     * as {@code javascript:}), so a results file can never make the page open another host or an absolute place.
     * It may go up with {@code ..}: a trial that {@code ./bench ab} pooled links to its round's folder beside it.
     */
    static String relativeHref(String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return null;
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String table(Table table, String cssClass) {
        StringBuilder html = new StringBuilder("<div class=\"wrap\"><table class=\"").append(cssClass).append("\">\n<thead><tr>");
        table.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (Table.Row row : table.rows()) {
            html.append(row.mark() == Table.Mark.NONE ? "<tr>"
                    : "<tr class=\"" + row.mark().name().toLowerCase(Locale.ROOT) + "\">");
            for (Table.Cell cell : row.cells()) {
                html.append(cell.muted() ? "<td class=\"muted\">" : "<td>");
                html.append(cell.href() == null ? escape(cell.text())
                        : "<a href=\"" + escape(cell.href()) + "\">" + escape(cell.text()) + "</a>");
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
        table.notes().forEach(note -> html.append("<p class=\"note\">").append(escape(note)).append("</p>\n"));
        return html.toString();
    }
}
