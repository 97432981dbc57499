package concbench.runner.gatling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics table of Gatling's own HTML report ({@code index.html}): per request name, the value of each
 * column by its title ({@code OK}, {@code KO}, {@code 50th pct}, {@code Max}, ...). Gatling 3.15 writes the
 * numbers into the page itself, not into a data file.
 */
final class GatlingReport {
    private static final Pattern COLUMN = Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>([^<]+)</span>");
    private static final Pattern ROW = Pattern.compile(
            "<tr id=\"req_[^\"]*\"[^>]*>.*?class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    private final Map<String, Map<String, String>> rows;

    private GatlingReport(Map<String, Map<String, String>> rows) {
        this.rows = rows;
    }

    static GatlingReport read(Path reportFolder) throws IOException {
        String page = Files.readString(reportFolder.resolve(GatlingProcess.REPORT_INDEX));
        Map<String, String> titles = new HashMap<>();
        Matcher column = COLUMN.matcher(page);
        while (column.find()) {
            titles.put(column.group(1), column.group(2));
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            Map<String, String> values = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                values.put(titles.get(cell.group(1)), cell.group(2));
            }
            rows.put(row.group(1), values);
        }
        return new GatlingReport(rows);
    }

    Map<String, Map<String, String>> rows() {
        return rows;
    }

    long count(String request, String column) {
        return Long.parseLong(value(request, column));
    }

    double millis(String request, String column) {
        return Double.parseDouble(value(request, column));
    }

    private String value(String request, String column) {
        Map<String, String> row = rows.get(request);
        if (row == null || !row.containsKey(column)) {
            throw new IllegalArgumentException("Gatling's report has no '" + column + "' for " + request + ": " + rows);
        }
        return row.get(column);
    }
}
