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
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n', '\r' -> out.append(' ');
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|', '*', '_', '[', ']', '`', '\\', '#' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
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
