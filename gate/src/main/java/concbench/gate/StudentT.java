package concbench.gate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Student's t distribution, for the intervals of trial means, the t-test and the precision rule. Written out here
 * (the regularised incomplete beta function by its continued fraction, ln Γ by Stirling's series) rather than taken
 * from a statistics library: a few dozen lines against a dependency for the whole gate.
 */
final class StudentT {
    private static final double EPSILON = 1e-14;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 500;
    /** ln Γ(x) is shifted up to this before Stirling's series, where its first terms are exact to ~1e-12. */
    private static final double STIRLING_FROM = 10;

    private static final Map<List<Double>, Double> QUANTILES = new ConcurrentHashMap<>();

    private StudentT() {
    }

    /** P(T ≤ t) for T with {@code df} degrees of freedom (df may be fractional). */
    static double cdf(double t, double df) {
        if (Double.isInfinite(t)) {
            return t > 0 ? 1 : 0;
        }
        double tail = 0.5 * regularisedBeta(df / (df + t * t), df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /**
     * The t with P(T ≤ t) = p, by bisection: monotone, and asked for a handful of (p, df) pairs, each remembered,
     * since the calibration asks for the same few a million times.
     */
    static double quantile(double p, double df) {
        return QUANTILES.computeIfAbsent(List.of(p, df), key -> bisect(p, df));
    }

    private static double bisect(double p, double df) {
        if (p <= 0 || p >= 1) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1, not " + p);
        }
        double low = -1;
        double high = 1;
        while (cdf(low, df) > p) {
            low *= 2;
        }
        while (cdf(high, df) < p) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > EPSILON * Math.max(1, Math.abs(high)); i++) {
            double middle = (low + high) / 2;
            if (cdf(middle, df) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** I_x(a, b), by the continued fraction on whichever side of the mean converges fast. */
    static double regularisedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularisedBeta(1 - x, b, a);
        }
        double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b)) / a;
        return front * continuedFraction(x, a, b);
    }

    /** The continued fraction of I_x(a, b), evaluated by the modified Lentz method. */
    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / nonZero(d);
        double f = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            f *= c * d;
            double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = c * d;
            f *= step;
            if (Math.abs(step - 1) < EPSILON) {
                break;
            }
        }
        return f;
    }

    private static double nonZero(double value) {
        return Math.abs(value) < TINY ? TINY : value;
    }

    private static double lnBeta(double a, double b) {
        return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
    }

    /** ln Γ(x) for x > 0: shifted by Γ(x + 1) = x Γ(x), then Stirling's series. */
    static double lnGamma(double x) {
        double shift = 0;
        while (x < STIRLING_FROM) {
            shift += Math.log(x);
            x += 1;
        }
        double inverse = 1 / x;
        double inverseSquared = inverse * inverse;
        double series = inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared * (1.0 / 1260
                - inverseSquared / 1680)));
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }
}
