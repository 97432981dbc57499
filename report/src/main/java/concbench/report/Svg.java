package concbench.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

/**
 * A chart as inline SVG, drawn here and nowhere else: plot area, axes with ticks, lines, bands and markers. Inline
 * SVG in HTML5 needs no namespace, no script and no request, and prints as crisply as text.
 */
final class Svg {
    static final int WIDTH = 760;
    static final int HEIGHT = 330;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 30;
    static final int BOTTOM = 50;
    /** Okabe and Ito's palette, told apart with colour blindness too; the markers tell them apart in grey print. */
    private static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9", "#000000", "#F0E442");

    private final StringBuilder svg = new StringBuilder();

    /** Maps data to pixels, linearly or logarithmically. */
    record Scale(double min, double max, boolean log, double from, double to) {
        double at(double value) {
            double share = log ? (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min))
                    : (value - min) / (max - min);
            return from + share * (to - from);
        }
    }

    /** A tick on an axis: where and what it says. */
    record Tick(double value, String label) {
    }

    Svg(String description) {
        svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" class=\"chart\"><title>").append(Html.escape(description)).append("</title>\n");
    }

    private Svg() {
    }

    /** The implementation's marker alone, for a legend in the page's text. */
    static String legendMarker(int index) {
        Svg mini = new Svg();
        mini.svg.append("<svg viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">");
        return mini.marker(8, 8, index, colour(index), false, 5).end().strip();
    }

    static Scale x(double min, double max, boolean log) {
        return new Scale(min, max, log, LEFT, WIDTH - RIGHT);
    }

    static Scale y(double min, double max, boolean log) {
        return new Scale(min, max, log, HEIGHT - BOTTOM, TOP);
    }

    static String colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }

    /** The frame, grid lines and tick labels of both axes, and their titles. */
    Svg axes(Scale x, List<Tick> xTicks, String xTitle, Scale y, List<Tick> yTicks, String yTitle) {
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                .append("\" class=\"frame\"/>\n");
        for (Tick tick : yTicks) {
            double py = y.at(tick.value());
            line(LEFT, py, WIDTH - RIGHT, py, "grid");
            text(LEFT - 6, py + 4, tick.label(), "end", "tick");
        }
        for (Tick tick : xTicks) {
            double px = x.at(tick.value());
            line(px, TOP, px, HEIGHT - BOTTOM, "grid");
            text(px, HEIGHT - BOTTOM + 16, tick.label(), "middle", "tick");
        }
        text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 10, xTitle, "middle", "axis");
        svg.append("<text transform=\"translate(14 ").append(n((TOP + HEIGHT - BOTTOM) / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\" class=\"axis\">").append(Html.escape(yTitle))
                .append("</text>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" class=\"").append(cssClass).append("\"/>\n");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, String cssClass) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</text>\n");
        return this;
    }

    Svg rect(double x, double y, double width, double height, String cssClass) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" class=\"").append(cssClass).append("\"/>\n");
        return this;
    }

    /** A filled rectangle, e.g. one role's part of a stacked bar. */
    Svg bar(double x, double y, double width, double height, String colour) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"").append(colour)
                .append("\" stroke=\"#fff\" stroke-width=\"0.5\"/>\n");
        return this;
    }

    /** A line through the points {x0, y0, x1, y1, ...} in pixels; dashed for a secondary series. */
    Svg polyline(double[] points, String colour, boolean dashed, double width) {
        if (points.length < 4) {
            return this;
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(n(width))
                .append(dashed ? "\" stroke-dasharray=\"6 4" : "").append("\" points=\"").append(points(points))
                .append("\"/>\n");
        return this;
    }

    /** A translucent area, e.g. the band between the lowest and the highest trial. */
    Svg polygon(double[] points, String colour) {
        svg.append("<polygon fill=\"").append(colour).append("\" fill-opacity=\"0.18\" stroke=\"none\" points=\"")
                .append(points(points)).append("\"/>\n");
        return this;
    }

    /**
     * The implementation's marker (circle, square, triangle, diamond, by index), filled, or hollow where the figure
     * carries a caveat.
     */
    Svg marker(double x, double y, int index, String colour, boolean hollow, double size) {
        String fill = hollow ? "#fff" : colour;
        String style = "\" fill=\"" + fill + "\" stroke=\"" + colour + "\" stroke-width=\"1.6\"/>\n";
        double r = size;
        switch (Math.floorMod(index, 4)) {
            case 0 -> svg.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"")
                    .append(n(r)).append(style);
            case 1 -> svg.append("<rect x=\"").append(n(x - r)).append("\" y=\"").append(n(y - r)).append("\" width=\"")
                    .append(n(2 * r)).append("\" height=\"").append(n(2 * r)).append(style);
            case 2 -> svg.append("<polygon points=\"").append(points(new double[] {x, y - r * 1.2, x + r * 1.1,
                    y + r * 0.8, x - r * 1.1, y + r * 0.8})).append(style);
            default -> svg.append("<polygon points=\"").append(points(new double[] {x, y - r * 1.3, x + r * 1.1, y,
                    x, y + r * 1.3, x - r * 1.1, y})).append(style);
        }
        return this;
    }

    String end() {
        return svg.append("</svg>\n").toString();
    }

    /** Linear ticks from 0 to at least {@code max}, at a round step; the last tick is the axis's top. */
    static List<Tick> linearTicks(double max, DoubleFunction<String> label) {
        double step = niceStep(max <= 0 ? 1 : max / 5);
        int count = (int) Math.ceil((max <= 0 ? 1 : max) / step);
        return IntStream.rangeClosed(0, count).mapToObj(i -> new Tick(i * step, label.apply(i * step)))
                .toList();
    }

    /** 1, 2, 2.5 or 5 times a power of ten, the smallest at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 2.5, 5}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String points(double[] points) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < points.length; i += 2) {
            text.append(i == 0 ? "" : " ").append(n(points[i])).append(',').append(n(points[i + 1]));
        }
        return text.toString();
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
