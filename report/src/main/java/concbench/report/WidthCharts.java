package concbench.report;

import concbench.formats.RunResults;
import concbench.formats.TrialResult;
import concbench.report.Lead.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;

/**
 * Capacity and CPU per request against fan-out width, where a run measured several widths: where a worker pool or
 * a carrier pool runs out, and where the event loops' advantage grows or vanishes, shows only as the width grows.
 * One line per server (the floor is no server) through its figure at each width, both axes on a log scale, a
 * hollow marker where the figure is a lower bound (generator- or back-end-bound). Capacity is the headline's (the
 * best sweep level); CPU per request is at the highest rate of that width's ladder every server sustained.
 */
final class WidthCharts {
    private static final double MARGIN = 1.5;
    private static final double HEADROOM = 1.3;

    private WidthCharts() {
    }

    /**
     * The run's fan-out trials by width, ascending, each width as a view of its own (hello left out), so that the
     * figures of one width are never pooled with another's however the run's rows are keyed.
     */
    static Map<Integer, RunView> widths(RunView view) {
        Map<Integer, List<TrialResult>> trials = new TreeMap<>();
        view.allTrials().stream().filter(t -> TrialResult.FANOUT.equals(t.scenario()))
                .forEach(t -> trials.computeIfAbsent(t.width(), w -> new ArrayList<>()).add(t));
        Map<Integer, RunView> widths = new TreeMap<>();
        trials.forEach((width, ofWidth) -> widths.put(width,
                new RunView(new RunResults(null, view.manifest(), ofWidth))));
        return widths;
    }

    /** The one row (scenario) of a width's view: as the view keys it, {@code fanout100} or {@code fanout}. */
    private static String row(RunView width) {
        TrialResult any = width.allTrials().getFirst();
        return width.scenarios().contains(any.scenarioKey()) ? any.scenarioKey() : any.scenario();
    }

    /** The section with both charts; empty when the run measured fewer than two widths. */
    static String section(RunView view, String legend) {
        Map<Integer, RunView> widths = widths(view);
        if (widths.size() < 2) {
            return "";
        }
        String capacity = chart(view, widths, "Capacity against fan-out width", "OK requests per second (log scale)",
                (impl, width) -> Headline.capacity(width, row(width), impl), Fmt::rate);
        String cpu = chart(view, widths, "Server CPU per request against fan-out width",
                "server CPU µs per request (log scale)", WidthCharts::cpuAtCommonRate, Fmt::decimal);
        return "<section id=\"widths\">\n<h2>Fan-out width</h2>\n<div class=\"charts\">\n"
                + figure(capacity, legend, Texts.paragraph(WidthCharts.class, "width-capacity-caption"))
                + figure(cpu, legend, Texts.paragraph(WidthCharts.class, "width-cpu-caption"))
                + "</div>\n</section>\n";
    }

    private static String figure(String svg, String legend, String caption) {
        return "<figure>\n" + svg + legend + "<figcaption>" + Html.escape(caption) + "</figcaption>\n</figure>\n";
    }

    private static Candidate cpuAtCommonRate(String impl, RunView width) {
        String row = row(width);
        LatencyLadder ladder = new LatencyLadder(width, row);
        OptionalInt rate = ladder.commonlySustained(Headline.servers(width, row));
        if (rate.isEmpty()) {
            return null;
        }
        List<RunView.Measured> costed = ladder.at(impl, rate.getAsInt()).stream()
                .filter(m -> m.phase().cost() != null).toList();
        return costed.isEmpty() ? null : new Candidate(impl, RunView.mean(costed,
                p -> p.cost().serverCpuMicrosPerRequest()), List.of(), false);
    }

    private static String chart(RunView view, Map<Integer, RunView> widths, String title, String yTitle,
            BiFunction<String, RunView, Candidate> figure, DoubleFunction<String> label) {
        Map<String, Map<Integer, Candidate>> lines = new TreeMap<>((a, b) -> view.index(a) - view.index(b));
        double low = Double.MAX_VALUE;
        double high = 0;
        for (String impl : view.servers()) {
            Map<Integer, Candidate> points = new TreeMap<>();
            widths.forEach((width, ofWidth) -> {
                Candidate candidate = figure.apply(impl, ofWidth);
                if (candidate != null && candidate.mean() > 0) {
                    points.put(width, candidate);
                }
            });
            for (Candidate c : points.values()) {
                low = Math.min(low, c.mean());
                high = Math.max(high, c.mean());
            }
            if (!points.isEmpty()) {
                lines.put(impl, points);
            }
        }
        List<Integer> ticks = List.copyOf(widths.keySet());
        Svg.Scale x = Svg.x(ticks.getFirst() / MARGIN, ticks.getLast() * MARGIN, true);
        if (lines.isEmpty()) {
            low = 1;
            high = 10;
        }
        double bottom = Math.pow(10, Math.floor(Math.log10(low / HEADROOM)));
        double top = Math.pow(10, Math.ceil(Math.log10(high * HEADROOM)));
        Svg.Scale y = Svg.y(bottom, top, true);
        List<Svg.Tick> yTicks = new ArrayList<>();
        for (double decade = bottom; decade <= top * 1.0001; decade *= 10) {
            yTicks.add(new Svg.Tick(decade, label.apply(decade)));
        }
        Svg svg = new Svg(title).axes(x, ticks.stream().map(w -> new Svg.Tick(w, Fmt.rate(w))).toList(),
                "fan-out width: back-end calls per request (log scale)", y, yTicks, yTitle);
        lines.forEach((impl, points) -> {
            int index = view.index(impl);
            String colour = Svg.colour(index);
            double[] polyline = new double[points.size() * 2];
            int i = 0;
            for (Map.Entry<Integer, Candidate> point : points.entrySet()) {
                polyline[i++] = x.at(point.getKey());
                polyline[i++] = y.at(point.getValue().mean());
            }
            svg.polyline(polyline, colour, false, 2);
            points.forEach((width, c) -> svg.marker(x.at(width), y.at(c.mean()), index, colour, c.lowerBound(), 5));
        });
        return svg.end();
    }
}
