package concbench.gate;

import concbench.formats.Comparison.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers for people, rounded for display only and always the same way: three significant figures, or the whole
 * integer part when it has more, without trailing zeros, so 14,290 req/s, 78.3 us/req, 2 ms and 0.125 % all read
 * naturally.
 */
final class Format {
    private static final double THOUSAND = 1000;
    private static final double HUNDRED = 100;
    private static final double TEN = 10;

    private Format() {
    }

    static String number(double value) {
        double size = Math.abs(value);
        if (size == 0) {
            return "0";
        }
        if (size >= THOUSAND) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        String digits;
        if (size >= HUNDRED) {
            digits = String.format(Locale.ROOT, "%.0f", value);
        } else if (size >= TEN) {
            digits = String.format(Locale.ROOT, "%.1f", value);
        } else if (size >= 1) {
            digits = String.format(Locale.ROOT, "%.2f", value);
        } else {
            digits = new BigDecimal(value).round(new MathContext(3)).toPlainString();
        }
        return digits.contains(".") ? digits.replaceAll("\\.?0+$", "") : digits;
    }

    /** A side: its mean, and its interval when it has one. */
    static String side(Side side) {
        String mean = number(side.mean());
        return side.low() == side.high() ? mean : mean + " [" + number(side.low()) + ", " + number(side.high()) + "]";
    }

    static String change(Double percent) {
        return percent == null ? "from 0" : String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    static String p(Double p) {
        if (p == null) {
            return "-";
        }
        // Two digits, rounded down: a p-value shown never crosses a threshold such as 0.01 that the exact one did not.
        return p < 0.0001 ? "<0.0001"
                : BigDecimal.valueOf(p).round(new MathContext(2, RoundingMode.FLOOR)).stripTrailingZeros().toPlainString();
    }
}
