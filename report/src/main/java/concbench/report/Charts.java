package concbench.report;

import concbench.formats.Latency;
import concbench.formats.PhaseResult;
import concbench.formats.ThreadRole;
import concbench.formats.Timeline;
import concbench.report.RunView.Measured;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The three charts of a scenario, as inline SVG from the same {@link RunView} the tables use. */
final class Charts {
    /**
     * The percentiles on the spectrum chart, placed at -log10(1 - p): p50 at 0.3, p90 at 1, p99 at 2, p99.9 at 3, so
     * each further "nine" gets the same room. The maximum is no percentile; it stands apart at 4.
     */
    private static final double[] SPECTRUM_X = {-Math.log10(0.5), 1, 2, 3, 4};
    private static final String[] SPECTRUM_LABELS = {"p50", "p90", "p99", "p99.9", "max"};
    private static final List<ToDoubleFunction<Latency>> SPECTRUM = List.of(Latency::p50Ms, Latency::p90Ms,
            Latency::p99Ms, Latency::p999Ms, Latency::maxMs);
    /** Where a 0 ms reading (under Gatling's 1 ms resolution) is drawn: inside the shaded band below 1 ms. */
    private static final double UNDER_ONE_MS = 0.7;
    private static final double AXIS_FLOOR_MS = 0.5;
    private static final double MILLIS_PER_SECOND = 1000;
    private static final double HEADROOM = 1.08;
    /** A bar's share of its slot in the CPU-by-role chart; the rest is the gap between bars. */
    private static final double BAR_SHARE = 0.55;
    /** The roles' colours, apart from the implementations' (the bars are implementations, the colours roles). */
    private static final List<String> ROLE_COLOURS = List.of("#4477AA", "#EE6677", "#CCBB44", "#228833", "#BBBBBB");

    private Charts() {
    }

    /**
     * Throughput against concurrency: one line per implementation through the mean of its trials at each level,
     * a band from the lowest to the highest trial, a dot per trial, and a hollow marker where any trial was
     * generator-bound.
     */
    static String throughput(RunView view, String scenario) {
        List<Integer> levels = view.levels(scenario);
        double top = 0;
        for (String impl : view.implementations(scenario)) {
            for (int users : levels) {
                top = Math.max(top, RunView.max(view.sweep(impl, scenario, users), p -> p.stats().throughput()));
            }
        }
        boolean log = levels.size() > 1;
        Svg.Scale x = log ? Svg.x(levels.getFirst() / 1.4, levels.getLast() * 1.4, true)
                : Svg.x(levels.getFirst() - 1, levels.getFirst() + 1, false);
        List<Svg.Tick> yTicks = Svg.linearTicks(top * HEADROOM, Fmt::rate);
        Svg.Scale y = Svg.y(0, yTicks.getLast().value(), false);
        Svg svg = new Svg("Throughput against concurrency, " + scenario).axes(x,
                levels.stream().map(u -> new Svg.Tick(u, String.valueOf(u))).toList(),
                "concurrent users (closed model" + (log ? ", log scale)" : ")"), y, yTicks, "OK requests per second");
        for (String impl : view.implementations(scenario)) {
            int index = view.index(impl);
            String colour = Svg.colour(index);
            List<double[]> band = new ArrayList<>();
            List<Double> line = new ArrayList<>();
            for (int users : levels) {
                List<Measured> sweep = view.sweep(impl, scenario, users);
                if (!sweep.isEmpty()) {
                    ToDoubleFunction<PhaseResult> value = p -> p.stats().throughput();
                    band.add(new double[] {x.at(users), y.at(RunView.min(sweep, value)), y.at(RunView.max(sweep, value))});
                    line.add(x.at(users));
                    line.add(y.at(RunView.mean(sweep, value)));
                }
            }
            if (band.stream().anyMatch(b -> b[1] != b[2])) {
                double[] polygon = new double[band.size() * 4];
                for (int i = 0; i < band.size(); i++) {
                    double[] b = band.get(i);
                    polygon[2 * i] = b[0];
                    polygon[2 * i + 1] = b[2];
                    double[] back = band.get(band.size() - 1 - i);
                    polygon[2 * band.size() + 2 * i] = back[0];
                    polygon[2 * band.size() + 2 * i + 1] = back[1];
                }
                svg.polygon(polygon, colour);
            }
            svg.polyline(line.stream().mapToDouble(Double::doubleValue).toArray(), colour, false, 2);
            for (int users : levels) {
                List<Measured> sweep = view.sweep(impl, scenario, users);
                for (Measured m : sweep) {
                    if (sweep.size() > 1) {
                        svg.marker(x.at(users), y.at(m.phase().stats().throughput()), 0, colour, false, 1.8);
                    }
                }
                if (!sweep.isEmpty()) {
                    svg.marker(x.at(users), y.at(RunView.mean(sweep, p -> p.stats().throughput())), index, colour,
                            RunView.anyGeneratorBound(sweep), 5);
                }
            }
        }
        return svg.end();
    }

    /**
     * The fixed-rate phase's latency spectrum, one line per implementation and trial, on a log scale of
     * milliseconds; readings of 0 (under Gatling's 1 ms resolution) sit in a shaded band below 1 ms, hollow.
     */
    static String latency(RunView view, String scenario) {
        double top = 1;
        for (String impl : view.implementations(scenario)) {
            for (Measured m : view.rate(impl, scenario)) {
                top = Math.max(top, m.phase().stats().latency().maxMs());
            }
        }
        double ceiling = Math.pow(10, Math.max(1, Math.ceil(Math.log10(top * 1.2))));
        Svg.Scale x = Svg.x(0, 4.3, false);
        Svg.Scale y = Svg.y(AXIS_FLOOR_MS, ceiling, true);
        List<Svg.Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < SPECTRUM_X.length; i++) {
            xTicks.add(new Svg.Tick(SPECTRUM_X[i], SPECTRUM_LABELS[i]));
        }
        List<Svg.Tick> yTicks = new ArrayList<>();
        boolean fine = ceiling <= 100;
        for (double decade = 1; decade <= ceiling; decade *= 10) {
            yTicks.add(new Svg.Tick(decade, Fmt.ms(decade)));
            if (fine && decade * 5 < ceiling) {
                yTicks.add(new Svg.Tick(decade * 2, Fmt.ms(decade * 2)));
                yTicks.add(new Svg.Tick(decade * 5, Fmt.ms(decade * 5)));
            }
        }
        Svg svg = new Svg("Latency percentiles at the fixed rate, " + scenario)
                .rect(Svg.LEFT, y.at(1), Svg.WIDTH - Svg.LEFT - Svg.RIGHT, y.at(AXIS_FLOOR_MS) - y.at(1), "under")
                .axes(x, xTicks, "percentile (spaced by -log10(1 - p): each further nine gets the same room)", y,
                        yTicks, "response time, ms (log scale)")
                .text(Svg.WIDTH - Svg.RIGHT - 6, y.at(UNDER_ONE_MS) + 4, "<1 ms: under Gatling's resolution", "end",
                        "tick")
                .line(x.at(3.5), Svg.TOP, x.at(3.5), Svg.HEIGHT - Svg.BOTTOM, "divider");
        for (String impl : view.implementations(scenario)) {
            int index = view.index(impl);
            String colour = Svg.colour(index);
            for (Measured m : view.rate(impl, scenario)) {
                Latency latency = m.phase().stats().latency();
                double[] line = new double[SPECTRUM.size() * 2];
                for (int i = 0; i < SPECTRUM.size(); i++) {
                    double ms = SPECTRUM.get(i).applyAsDouble(latency);
                    line[2 * i] = x.at(SPECTRUM_X[i]);
                    line[2 * i + 1] = y.at(ms < 1 ? UNDER_ONE_MS : ms);
                }
                svg.polyline(line, colour, m.trial() > 1, 1.8);
                for (int i = 0; i < SPECTRUM.size(); i++) {
                    svg.marker(line[2 * i], line[2 * i + 1], index, colour,
                            SPECTRUM.get(i).applyAsDouble(latency) < 1 || m.phase().generatorBound(), 4);
                }
            }
        }
        return svg.end();
    }

    /**
     * OK requests per second through the measured phases, one segment per phase (as wide as its longest
     * timeline), one line per implementation and trial. Only whole seconds are drawn: the last second of a phase
     * is a partial one and would show a false dip. Failed requests per second, if any, are drawn dashed.
     */
    static String timeline(RunView view, String scenario) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        double top = 1;
        for (String name : view.phaseNames(scenario)) {
            widths.put(name, 1);
        }
        for (String impl : view.implementations(scenario)) {
            for (Measured m : view.measuredPhases(impl, scenario)) {
                int seconds = wholeSeconds(m.phase());
                widths.merge(m.phase().name(), seconds, Math::max);
                for (int i = 0; i < seconds; i++) {
                    top = Math.max(top, m.phase().stats().timeline().ok().get(i));
                }
            }
        }
        Map<String, Integer> offsets = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, Integer> phase : widths.entrySet()) {
            offsets.put(phase.getKey(), total);
            total += phase.getValue();
        }
        Svg.Scale x = Svg.x(0, Math.max(1, total), false);
        List<Svg.Tick> yTicks = Svg.linearTicks(top * HEADROOM, Fmt::rate);
        Svg.Scale y = Svg.y(0, yTicks.getLast().value(), false);
        Svg svg = new Svg("Requests per second, second by second, " + scenario).axes(x, List.of(),
                "seconds into each phase (whole seconds only)", y, yTicks, "OK requests in the second");
        offsets.forEach((name, offset) -> {
            svg.line(x.at(offset), Svg.TOP, x.at(offset), Svg.HEIGHT - Svg.BOTTOM, "divider");
            svg.text(x.at(offset + widths.get(name) / 2.0), Svg.TOP - 8, name, "middle", "tick");
        });
        for (String impl : view.implementations(scenario)) {
            int index = view.index(impl);
            String colour = Svg.colour(index);
            for (Measured m : view.measuredPhases(impl, scenario)) {
                Timeline timeline = m.phase().stats().timeline();
                int seconds = wholeSeconds(m.phase());
                int offset = offsets.get(m.phase().name());
                double[] ok = new double[seconds * 2];
                double[] ko = new double[seconds * 2];
                for (int i = 0; i < seconds; i++) {
                    ok[2 * i] = x.at(offset + i + 0.5);
                    ok[2 * i + 1] = y.at(timeline.ok().get(i));
                    ko[2 * i] = ok[2 * i];
                    ko[2 * i + 1] = y.at(timeline.ko().get(i));
                }
                svg.polyline(ok, colour, m.trial() > 1, 1.8);
                if (timeline.ko().stream().anyMatch(k -> k > 0)) {
                    svg.polyline(ko, colour, true, 1);
                }
                for (int i = 0; i < seconds; i++) {
                    svg.marker(ok[2 * i], ok[2 * i + 1], index, colour, m.phase().generatorBound(), 3);
                }
            }
        }
        return svg.end();
    }

    /** The seconds of the phase's timeline that lie wholly inside its window. */
    private static int wholeSeconds(PhaseResult phase) {
        Timeline timeline = phase.stats().timeline();
        long window = phase.stats().windowEndMs() - timeline.startMs();
        return (int) Math.min(timeline.seconds(), (long) Math.floor(window / MILLIS_PER_SECOND));
    }

    /** The colour of a role in the CPU-by-role chart and its legend. */
    static String roleColour(ThreadRole role) {
        return ROLE_COLOURS.get(role.ordinal());
    }

    /**
     * Where a request's server CPU goes: one bar per implementation (the floor included) stacked by thread role, the
     * mean of its trials' fixed-rate phases. Trials from before thread roles were recorded (results of version 1)
     * have no bar. Null when no implementation has one.
     */
    static String cpuByRole(RunView view, String scenario) {
        Map<String, double[]> bars = new LinkedHashMap<>();
        for (String impl : view.implementations(scenario)) {
            List<Measured> costed = view.rate(impl, scenario).stream()
                    .filter(m -> m.phase().cost() != null && m.phase().cost().cpuMicrosPerRequestByRole() != null)
                    .toList();
            if (costed.isEmpty()) {
                continue;
            }
            double[] roles = new double[ThreadRole.values().length];
            for (ThreadRole role : ThreadRole.values()) {
                roles[role.ordinal()] = RunView.mean(costed, p -> {
                    Double micros = p.cost().cpuMicrosPerRequest(role);
                    return micros == null ? 0 : micros;
                });
            }
            bars.put(impl, roles);
        }
        if (bars.isEmpty()) {
            return null;
        }
        double top = bars.values().stream().mapToDouble(r -> Arrays.stream(r).sum()).max().orElse(1);
        List<Svg.Tick> yTicks = Svg.linearTicks(top * HEADROOM, Fmt::rate);
        Svg.Scale y = Svg.y(0, yTicks.getLast().value(), false);
        Svg.Scale x = Svg.x(0, bars.size(), false);
        Svg svg = new Svg("Server CPU per request by thread role at the fixed rate, " + scenario)
                .axes(x, List.of(), "implementation (the floor: the back end itself)", y, yTicks,
                        "server CPU µs per request");
        int slot = 0;
        double width = (x.at(1) - x.at(0)) * BAR_SHARE;
        for (Map.Entry<String, double[]> bar : bars.entrySet()) {
            double centre = x.at(slot + 0.5);
            double base = 0;
            for (ThreadRole role : ThreadRole.values()) {
                double micros = bar.getValue()[role.ordinal()];
                if (micros > 0) {
                    svg.bar(centre - width / 2, y.at(base + micros), width, y.at(base) - y.at(base + micros),
                            roleColour(role));
                }
                base += micros;
            }
            svg.text(centre, Svg.HEIGHT - Svg.BOTTOM + 16, bar.getKey(), "middle", "tick");
            svg.text(centre, y.at(base) - 4, Fmt.micros(base), "middle", "tick");
            slot++;
        }
        return svg.end();
    }
}
