package concbench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How every number is shown, in the HTML page and in the Markdown summary alike: rounded for display only, the
 * same way everywhere, so a figure reads the same in both and can be found in the results files.
 */
final class Fmt {
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final double BYTES_PER_GIB = BYTES_PER_MIB * 1024.0;
    private static final int SIGNIFICANT = 4;

    private Fmt() {
    }

    /** Requests per second, whole: {@code 14,290}. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /**
     * Milliseconds at Gatling's resolution: its clock counts whole milliseconds, so 0 means "under 1 ms" and is
     * shown as {@code <1}; a mean of whole values may have a fraction, shown to one decimal.
     */
    static String ms(double millis) {
        if (millis < 1) {
            return "<1";
        }
        return millis == Math.rint(millis)
                ? String.format(Locale.ROOT, "%,.0f", millis)
                : String.format(Locale.ROOT, "%,.1f", millis);
    }

    /** Several trials' values of one figure, in trial order: {@code <1 / 2 / 3}. */
    static String msList(List<Double> millis) {
        return millis.stream().map(Fmt::ms).collect(Collectors.joining(" / "));
    }

    /** Microseconds of CPU per request, one decimal. */
    static String micros(double micros) {
        return String.format(Locale.ROOT, "%,.1f", micros);
    }

    /** A 0..1 share as a whole percentage. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / BYTES_PER_MIB);
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f GiB", bytes / BYTES_PER_GIB);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** How many times one figure is another: {@code 1.07x}. */
    static String factor(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /** A signed change in percent: {@code +4.1%}, {@code -12.0%}. */
    static String change(double percent) {
        return String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /**
     * A p-value in two digits, rounded down, so that the figure shown never crosses a threshold such as 0.01 that the
     * exact one did not; under 0.0001 as {@code <0.0001}.
     */
    static String pValue(double p) {
        return p < 0.0001 ? "<0.0001"
                : BigDecimal.valueOf(p).round(new MathContext(2, RoundingMode.FLOOR)).stripTrailingZeros().toPlainString();
    }

    /** A setting as it was written, no digit added or dropped: {@code 5}, {@code 0.0031}. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * A figure of any size (JMH scores, comparison values) to {@value #SIGNIFICANT} significant digits, never in
     * scientific notation, without zeros that would claim a precision the figure lacks: {@code 0.1432},
     * {@code 12.35}, {@code 23}, {@code 1,532}.
     */
    static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        if (value == 0) {
            return "0";
        }
        int digitsBeforePoint = (int) Math.floor(Math.log10(Math.abs(value))) + 1;
        int decimals = Math.max(0, SIGNIFICANT - digitsBeforePoint);
        String text = String.format(Locale.ROOT, "%,." + decimals + "f", value);
        return decimals == 0 ? text : text.replaceAll("\\.?0+$", "");
    }
}
