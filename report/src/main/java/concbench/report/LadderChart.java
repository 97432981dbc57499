package concbench.report;

import concbench.formats.PhaseResult;
import concbench.formats.RateSchedule;
import concbench.report.RunView.Measured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * Latency against load, the wrk2 and HdrHistogram way of reading a server: p99 (solid) and p50 (dashed) at each
 * offered rate of the scenario's {@link LatencyLadder}, the mean of the trials, one line per implementation, both
 * axes on a log scale. Flat while the server keeps up, then a knee where queueing starts; a large ring marks the
 * rate where the implementation saturated, where its ladder ends. A step the load generator failed requests of itself
 * is left out: its latencies are the generator's queue, not the server's. Readings of 0 (under Gatling's 1 ms
 * resolution) sit, hollow, in a shaded band below 1 ms.
 */
final class LadderChart {
    /** Where a 0 ms reading is drawn, and the axis's bottom: inside and at the foot of the band below 1 ms. */
    private static final double UNDER_ONE_MS = 0.7;
    private static final double AXIS_FLOOR_MS = 0.5;
    /** Room left and right of the outermost rates on the log axis; a ladder of one step gets a factor of two. */
    private static final double MARGIN = 1.4;
    private static final double ONE_STEP_MARGIN = 2;
    private static final double SATURATION_RING = 9;
    private static final double CEILING_HEADROOM = 1.2;

    private LadderChart() {
    }

    /** The chart with its legend and caption as a figure; empty when the scenario has no fixed-rate phase. */
    static String figure(RunView view, String scenario, String legend) {
        LatencyLadder ladder = new LatencyLadder(view, scenario);
        if (ladder.rates().isEmpty()) {
            return "";
        }
        String caption = Texts.paragraph(LadderChart.class, "ladder-caption",
                Map.of("kept", Fmt.percent(RateSchedule.KEPT)))
                + (ladder.rates().size() == 1 ? " This run measured one rate: a ladder of one step." : "");
        return "<figure>\n" + svg(view, scenario, ladder) + legend + "<figcaption>" + Html.escape(caption)
                + "</figcaption>\n</figure>\n";
    }

    private static String svg(RunView view, String scenario, LatencyLadder ladder) {
        List<Integer> rates = ladder.rates();
        double top = 1;
        for (String impl : view.implementations(scenario)) {
            top = Math.max(top, RunView.max(ladder.steps(impl), p -> p.stats().latency().p99Ms()));
        }
        double ceiling = Math.pow(10, Math.max(1, Math.ceil(Math.log10(top * CEILING_HEADROOM))));
        double room = rates.size() == 1 ? ONE_STEP_MARGIN : MARGIN;
        Svg.Scale x = Svg.x(rates.getFirst() / room, rates.getLast() * room, true);
        Svg.Scale y = Svg.y(AXIS_FLOOR_MS, ceiling, true);
        List<Svg.Tick> yTicks = new ArrayList<>();
        for (double decade = 1; decade <= ceiling; decade *= 10) {
            yTicks.add(new Svg.Tick(decade, Fmt.ms(decade)));
        }
        Svg svg = new Svg("Latency against offered load, " + scenario)
                .rect(Svg.LEFT, y.at(1), Svg.WIDTH - Svg.LEFT - Svg.RIGHT, y.at(AXIS_FLOOR_MS) - y.at(1), "under")
                .axes(x, rates.stream().map(r -> new Svg.Tick(r, Fmt.rate(r))).toList(),
                        "offered rate, requests per second (log scale)", y, yTicks, "response time, ms (log scale)");
        for (String impl : view.implementations(scenario)) {
            int index = view.index(impl);
            String colour = Svg.colour(index);
            OptionalInt saturation = ladder.saturation(impl);
            line(svg, ladder, impl, x, y, p -> p.stats().latency().p99Ms(), index, colour, false);
            line(svg, ladder, impl, x, y, p -> p.stats().latency().p50Ms(), index, colour, true);
            if (saturation.isPresent()) {
                int rate = saturation.getAsInt();
                double p99 = RunView.mean(ladder.at(impl, rate), p -> p.stats().latency().p99Ms());
                svg.marker(x.at(rate), y.at(p99 < 1 ? UNDER_ONE_MS : p99), 0, colour, true, SATURATION_RING);
            }
        }
        return svg.end();
    }

    /**
     * One percentile's line through the rates the implementation measured, up to where it saturated, or up to the
     * step before the one the load generator failed.
     */
    private static void line(Svg svg, LatencyLadder ladder, String impl, Svg.Scale x, Svg.Scale y,
            ToDoubleFunction<PhaseResult> percentile, int index, String colour, boolean dashed) {
        OptionalInt end = ladder.saturation(impl);
        OptionalInt generatorLimit = ladder.generatorLimit(impl);
        List<double[]> points = new ArrayList<>();
        for (int rate : ladder.rates()) {
            List<Measured> phases = ladder.at(impl, rate);
            if (phases.isEmpty() || end.isPresent() && rate > end.getAsInt()
                    || generatorLimit.isPresent() && rate >= generatorLimit.getAsInt()) {
                continue;
            }
            double ms = RunView.mean(phases, percentile);
            points.add(new double[] {x.at(rate), y.at(ms < 1 ? UNDER_ONE_MS : ms), ms < 1 ? 1 : 0});
        }
        double[] polyline = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            polyline[2 * i] = points.get(i)[0];
            polyline[2 * i + 1] = points.get(i)[1];
        }
        svg.polyline(polyline, colour, dashed, dashed ? 1.2 : 2);
        for (double[] point : points) {
            svg.marker(point[0], point[1], index, colour, point[2] > 0, dashed ? 2.5 : 4);
        }
    }
}
