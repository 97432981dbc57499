package concbench.runner.gatling;

import concbench.formats.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many OK and KO requests of one phase ended in each millisecond, kept while the log streams by so the
 * timeline can be cut into seconds from the phase's start once that start is known, at the end. Costs 8 bytes
 * per millisecond the phase lasts, whatever the request rate.
 */
final class EndCounts {
    private static final int MILLIS_PER_SECOND = 1000;
    /** Room made before the first millisecond when an earlier one turns up, as records arrive almost in order. */
    private static final int FRONT_SLACK = 1024;

    private int[] ok = new int[0];
    private int[] ko = new int[0];
    /** The millisecond of index 0. */
    private long baseMs;

    void add(long endMs, boolean isOk) {
        if (ok.length == 0) {
            baseMs = endMs;
        }
        if (endMs < baseMs) {
            growFront((int) (baseMs - endMs) + FRONT_SLACK);
        }
        int index = Math.toIntExact(endMs - baseMs);
        if (index >= ok.length) {
            int length = Math.max(index + 1, 2 * ok.length);
            ok = Arrays.copyOf(ok, length);
            ko = Arrays.copyOf(ko, length);
        }
        if (isOk) {
            ok[index]++;
        } else {
            ko[index]++;
        }
    }

    /** Whole seconds from {@code startMs} up to and including the one holding {@code endMs}. */
    Timeline perSecond(long startMs, long endMs) {
        int seconds = Math.toIntExact((endMs - startMs) / MILLIS_PER_SECOND + 1);
        long[] okPerSecond = new long[seconds];
        long[] koPerSecond = new long[seconds];
        for (int i = 0; i < ok.length; i++) {
            long ms = baseMs + i;
            if (ok[i] + ko[i] == 0) {
                continue;
            }
            if (ms < startMs || ms > endMs) {
                throw new IllegalArgumentException("a request ended at " + ms + ", outside [" + startMs + ", " + endMs + "]");
            }
            int second = (int) ((ms - startMs) / MILLIS_PER_SECOND);
            okPerSecond[second] += ok[i];
            koPerSecond[second] += ko[i];
        }
        return new Timeline(startMs, boxed(okPerSecond), boxed(koPerSecond));
    }

    private void growFront(int by) {
        ok = shifted(ok, by);
        ko = shifted(ko, by);
        baseMs -= by;
    }

    private static int[] shifted(int[] counts, int by) {
        int[] grown = new int[counts.length + by];
        System.arraycopy(counts, 0, grown, by, counts.length);
        return grown;
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long value : values) {
            list.add(value);
        }
        return list;
    }
}
