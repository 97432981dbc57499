package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one way numbers are shown, in the report, compare.md and the gate's terminal alike. */
class FmtTest {
    @Test
    void pValuesKeepTheSideOfEveryThresholdTheyWereOn() {
        assertEquals("0.0099", Fmt.pValue(0.009999), "rounded down, never up to 0.01");
        assertEquals("0.01", Fmt.pValue(0.01));
        assertEquals("0.049", Fmt.pValue(0.04999999));
        assertEquals("0.15", Fmt.pValue(0.15841612042305636));
        assertEquals("0.5", Fmt.pValue(0.5));
        assertEquals("1", Fmt.pValue(1.0));
        assertEquals("0.0001", Fmt.pValue(0.0001));
        assertEquals("<0.0001", Fmt.pValue(0.00009999));
        assertEquals("<0.0001", Fmt.pValue(1e-300));
        assertEquals("<0.0001", Fmt.pValue(0.0));
    }

    @Test
    void aMissingFigureIsADashAndOneThatIsNoNumberIsSaid() {
        assertEquals(Fmt.NONE, Fmt.pValue(null), "no test was made");
        assertEquals("from 0", Fmt.change(null), "a rise from a base of 0 has no percentage");
        for (double odd : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals("n/a", Fmt.decimal(odd));
            assertEquals("n/a", Fmt.pValue(odd));
            assertEquals("n/a", Fmt.change(odd));
            assertEquals("n/a", Fmt.rate(odd));
            assertEquals("n/a", Fmt.ms(odd));
            assertEquals("n/a", Fmt.micros(odd));
            assertEquals("n/a", Fmt.percent(odd));
            assertEquals("n/a", Fmt.factor(odd));
            assertEquals("n/a", Fmt.plain(odd));
        }
    }

    @Test
    void anyFigureKeepsThreeSignificantDigitsOrItsWholeIntegerPart() {
        assertEquals("78.3", Fmt.decimal(78.26), "the figure report.html and compare.md once showed differently");
        assertEquals("0.143", Fmt.decimal(0.14321));
        assertEquals("12.4", Fmt.decimal(12.35), "half up on the shortest decimal form");
        assertEquals("2.35", Fmt.decimal(2.345));
        assertEquals("23", Fmt.decimal(23.0), "no zeros that claim a precision");
        assertEquals("0.5", Fmt.decimal(0.5));
        assertEquals("100", Fmt.decimal(99.96), "rounding up to the next decade");
        assertEquals("1,000", Fmt.decimal(999.6));
        assertEquals("1,532", Fmt.decimal(1532.4), "the whole integer part, never 1,530");
        assertEquals("-22.5", Fmt.decimal(-22.46));
        assertEquals("0", Fmt.decimal(0.0));
        assertEquals("0", Fmt.decimal(-0.0), "zero has no sign");
    }

    @Test
    void hugeAndTinyFiguresAreWrittenOutNeverInScientificNotation() {
        assertEquals("100,000,000,000,000,000,000", Fmt.decimal(1e20));
        assertEquals("9,223,372,036,854,776,000", Fmt.decimal(Long.MAX_VALUE), "the double's shortest decimal form");
        assertEquals("1,073,741,824", Fmt.decimal(1L << 30));
        assertEquals("0.00000000123", Fmt.decimal(1.2345e-9));
        assertEquals("-0.000001", Fmt.decimal(-1e-6));
        assertEquals("12,345,678,901", Fmt.rate(12345678901.4));
        assertEquals("0.0", Fmt.micros(1e-9), "below the resolution");
        assertEquals("0.0", Fmt.micros(-0.04), "rounded to zero, it loses its sign");
        assertEquals("0.0000000001", Fmt.plain(1e-10));
    }

    @Test
    void figuresWithAResolutionOfTheirOwnKeepIt() {
        assertEquals("14,290", Fmt.rate(14289.6));
        assertEquals("<1", Fmt.ms(0));
        assertEquals("<1", Fmt.ms(0.67), "a mean of readings under Gatling's 1 ms");
        assertEquals("3", Fmt.ms(3));
        assertEquals("337.5", Fmt.ms(337.5));
        assertEquals("2.3", Fmt.ms(7 / 3.0));
        assertEquals("1,204", Fmt.ms(1204));
        assertEquals("<1 / 2 / 3", Fmt.msList(List.of(0.0, 2.0, 3.0)));
        assertEquals("78.3", Fmt.micros(78.26));
        assertEquals("87%", Fmt.percent(0.8749));
        assertEquals("1.07x", Fmt.factor(1.0749));
        assertEquals("+4.1%", Fmt.change(4.06));
        assertEquals("-12.0%", Fmt.change(-12.0));
        assertEquals("+0.0%", Fmt.change(0.0));
        assertEquals("1,024 MiB", Fmt.mib(1L << 30));
        assertEquals("1.5 GiB", Fmt.gib(3L << 29));
        assertEquals("1,234,567", Fmt.count(1234567));
        assertEquals("5", Fmt.plain(5.0), "a setting as it was written");
        assertEquals("0.0031", Fmt.plain(0.0031));
    }
}
