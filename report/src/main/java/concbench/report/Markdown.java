package concbench.report;

import java.util.List;

/**
 * GitHub Markdown: the one escaping of text from the results, code spans, and tables; {@code summary.md} and
 * {@code compare.md} are both written with it.
 */
public final class Markdown {
    private static final String STRONG = "**";
    private static final char BACKTICK = '`';

    private Markdown() {
    }

    /**
     * Text from the results made inert: no table break ({@code |}), no line break, no HTML tag or entity, no
     * emphasis, code or link syntax.
     */
    public static String escape(String text) {
        return Html.replaceEach(text, c -> switch (c) {
            case '\n', '\r' -> " ";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '|', '*', '_', '[', ']', '`', '\\', '#' -> "\\" + (char) c;
            default -> null;
        });
    }

    /**
     * Text as a code span, shown as it is: fenced by one backtick more than the longest run of backticks in it, and
     * padded with a space where it starts or ends with one, as CommonMark asks; line breaks become spaces. Not for
     * a table cell, where a {@code |} would still end the cell.
     */
    public static String code(String text) {
        String flat = text == null ? "" : text.replaceAll("\\R", " ");
        int longest = 0;
        int run = 0;
        for (char c : flat.toCharArray()) {
            run = c == BACKTICK ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = String.valueOf(BACKTICK).repeat(longest + 1);
        String padding = !flat.isEmpty() && (flat.charAt(0) == BACKTICK || flat.charAt(flat.length() - 1) == BACKTICK)
                ? " " : "";
        return fence + padding + flat + padding + fence;
    }

    /** Markdown made bold; nothing stays nothing (a bold empty cell would show its asterisks). */
    public static String strong(String markdown) {
        return markdown.isEmpty() ? markdown : STRONG + markdown + STRONG;
    }

    /** A table's headings, escaped, and the line under them. */
    public static String tableHead(List<String> headings) {
        return tableRow(headings.stream().map(Markdown::escape).toList()) + "|" + "---|".repeat(headings.size())
                + "\n";
    }

    /** One row of a table, from cells already in Markdown (escaped, and made bold where they should be). */
    public static String tableRow(List<String> markdownCells) {
        StringBuilder md = new StringBuilder("|");
        markdownCells.forEach(cell -> md.append(' ').append(cell).append(" |"));
        return md.append('\n').toString();
    }

    static String table(Table table) {
        StringBuilder md = new StringBuilder(tableHead(table.header()));
        for (Table.Row row : table.rows()) {
            boolean strong = row.mark() == Table.Mark.REGRESSION || row.mark() == Table.Mark.FAILED;
            md.append(tableRow(row.cells().stream().map(cell -> escape(cell.text()))
                    .map(text -> strong ? strong(text) : text).toList()));
        }
        table.notes().forEach(note -> md.append('\n').append(escape(note)).append('\n'));
        return md.toString();
    }
}
