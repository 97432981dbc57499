package concbench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How every number is shown to people: in the HTML page, in the Markdown summary, in {@code compare.md} and on the
 * gate's terminal alike, rounded for display only and always the same way, so a figure reads the same everywhere
 * and can be found in the results files.
 *
 * <p>The rounding rule: a figure of any size (a comparison's means and intervals, JMH scores) keeps
 * {@value #SIGNIFICANT} significant digits, or its whole integer part when it has more: {@code 0.143}, {@code 78.3},
 * {@code 14,290}. Three, because no figure of this suite is steadier than that: trials of one server spread by a
 * percent or more, JMH's error is a few percent of its score, and a fourth digit would claim a precision the
 * figure lacks. A figure with a fixed resolution of its own keeps it: requests per second whole, milliseconds at
 * Gatling's 1 ms clock, CPU per request to 0.1 µs. Every rounding is half up on the figure's shortest decimal form
 * (2.345 gives 2.35), never in scientific notation (huge figures are grouped by thousands, tiny ones written out
 * with their zeros), and a figure rounded to zero loses its sign. A figure that is not a number or infinite is
 * {@value #NOT_A_NUMBER}; a missing one (null) is {@value #NONE}, except a change from 0, which is {@value #FROM_ZERO}.
 */
public final class Fmt {
    /** In place of a figure that was not measured or computed. */
    public static final String NONE = "–";
    /** In place of a figure that is not a number or infinite. */
    public static final String NOT_A_NUMBER = "n/a";
    /** A change whose base is 0: a rise from nothing has no percentage. */
    public static final String FROM_ZERO = "from 0";
    static final int SIGNIFICANT = 3;
    private static final int P_VALUE_DIGITS = 2;
    private static final double SMALLEST_P_SHOWN = 0.0001;
    private static final double PERCENT = 100;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final double BYTES_PER_GIB = BYTES_PER_MIB * 1024.0;

    private Fmt() {
    }

    /** Requests per second, whole: {@code 14,290}. */
    static String rate(double perSecond) {
        return fixed(perSecond, 0);
    }

    /**
     * Milliseconds at Gatling's resolution: its clock counts whole milliseconds, so 0 means "under 1 ms" and is
     * shown as {@code <1}; a mean of whole values may have a fraction, shown to one decimal.
     */
    static String ms(double millis) {
        if (!Double.isFinite(millis)) {
            return NOT_A_NUMBER;
        }
        if (millis < 1) {
            return "<1";
        }
        return fixed(millis, millis == Math.rint(millis) ? 0 : 1);
    }

    /** Several trials' values of one figure, in trial order: {@code <1 / 2 / 3}. */
    static String msList(List<Double> millis) {
        return millis.stream().map(Fmt::ms).collect(Collectors.joining(" / "));
    }

    /** Microseconds of CPU per request, one decimal. */
    static String micros(double micros) {
        return fixed(micros, 1);
    }

    /** A 0..1 share as a whole percentage: {@code 87%}. */
    static String percent(double share) {
        return Double.isFinite(share) ? fixed(share * PERCENT, 0) + "%" : NOT_A_NUMBER;
    }

    static String mib(long bytes) {
        return fixed(bytes / BYTES_PER_MIB, 0) + " MiB";
    }

    static String gib(long bytes) {
        return fixed(bytes / BYTES_PER_GIB, 1) + " GiB";
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** How many times one figure is another: {@code 1.07x}. */
    static String factor(double ratio) {
        return Double.isFinite(ratio) ? fixed(ratio, 2) + "x" : NOT_A_NUMBER;
    }

    /** A signed change in percent, {@code +4.1%}, {@code -12.0%}; null (the base was 0) {@value #FROM_ZERO}. */
    public static String change(Double percent) {
        if (percent == null) {
            return FROM_ZERO;
        }
        if (!Double.isFinite(percent)) {
            return NOT_A_NUMBER;
        }
        String digits = fixed(percent, 1);
        return (digits.startsWith("-") ? digits : "+" + digits) + "%";
    }

    /**
     * A p-value in {@value #P_VALUE_DIGITS} significant digits, rounded down, so that the figure shown never
     * crosses a threshold such as 0.01 that the exact one did not; under 0.0001 as {@code <0.0001}; null (no test
     * was made) as {@value #NONE}.
     */
    public static String pValue(Double p) {
        if (p == null) {
            return NONE;
        }
        if (!Double.isFinite(p)) {
            return NOT_A_NUMBER;
        }
        return p < SMALLEST_P_SHOWN ? "<" + plain(SMALLEST_P_SHOWN)
                : BigDecimal.valueOf(p).round(new MathContext(P_VALUE_DIGITS, RoundingMode.FLOOR))
                        .stripTrailingZeros().toPlainString();
    }

    /** A setting as it was written, no digit added or dropped: {@code 5}, {@code 0.0031}. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return NOT_A_NUMBER;
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * A figure of any size to {@value #SIGNIFICANT} significant digits or its whole integer part, without zeros
     * that would claim a precision the figure lacks: {@code 0.143}, {@code 12.4}, {@code 23}, {@code 1,532}.
     */
    public static String decimal(double value) {
        if (!Double.isFinite(value)) {
            return NOT_A_NUMBER;
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        int digitsBeforePoint = exact.precision() - exact.scale();
        BigDecimal rounded = digitsBeforePoint >= SIGNIFICANT ? exact.setScale(0, RoundingMode.HALF_UP)
                : exact.round(new MathContext(SIGNIFICANT, RoundingMode.HALF_UP));
        return grouped(rounded.stripTrailingZeros());
    }

    /** The value rounded half up to {@code decimals} places, grouped by thousands: {@code 14,290.5}. */
    private static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return NOT_A_NUMBER;
        }
        return grouped(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
    }

    /** Written out in full, grouped by thousands, with the decimals it has (a BigDecimal has no negative zero). */
    private static String grouped(BigDecimal value) {
        return String.format(Locale.ROOT, "%,." + Math.max(0, value.scale()) + "f", value);
    }
}
