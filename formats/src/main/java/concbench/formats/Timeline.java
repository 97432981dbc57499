package concbench.formats;

import java.util.List;

/**
 * A phase second by second: {@code ok.get(i)} and {@code ko.get(i)} count the requests that ended in
 * {@code [startMs + i*1000, startMs + (i+1)*1000)}. Second 0 starts with the phase's window; the last second
 * ends with the window and is usually a partial one, so it shows fewer requests than a full second would.
 *
 * @param startMs where second 0 starts, epoch milliseconds: the window's start
 * @param ok      OK requests that ended in each second
 * @param ko      KO requests that ended in each second
 */
public record Timeline(long startMs, List<Long> ok, List<Long> ko) {
    public Timeline {
        ok = List.copyOf(ok);
        ko = List.copyOf(ko);
        if (ok.size() != ko.size()) {
            throw new IllegalArgumentException("OK and KO timelines differ in length: " + ok.size() + " and " + ko.size());
        }
    }

    public int seconds() {
        return ok.size();
    }
}
