package concbench.report;

/** GitHub Markdown: escaping and the Markdown of a {@link Table}. */
final class Markdown {
    private Markdown() {
    }

    /**
     * Text from the results made inert: no table break ({@code |}), no line break, no HTML tag or entity, no
     * emphasis or link syntax.
     */
    static String escape(String text) {
        return Html.replaceEach(text, c -> switch (c) {
            case '\n', '\r' -> " ";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '|', '*', '_', '[', ']', '`', '\\', '#' -> "\\" + (char) c;
            default -> null;
        });
    }

    static String table(Table table) {
        StringBuilder md = new StringBuilder("|");
        table.header().forEach(h -> md.append(' ').append(escape(h)).append(" |"));
        md.append("\n|");
        table.header().forEach(h -> md.append("---|"));
        md.append('\n');
        for (Table.Row row : table.rows()) {
            md.append('|');
            for (Table.Cell cell : row.cells()) {
                String text = escape(cell.text());
                boolean strong = !text.isEmpty()
                        && (row.mark() == Table.Mark.REGRESSION || row.mark() == Table.Mark.FAILED);
                md.append(' ').append(strong ? "**" + text + "**" : text).append(" |");
            }
            md.append('\n');
        }
        table.notes().forEach(note -> md.append('\n').append(escape(note)).append('\n'));
        return md.toString();
    }
}
