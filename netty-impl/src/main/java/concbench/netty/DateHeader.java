package concbench.netty;

import concbench.contract.HttpDate;
import io.netty.channel.EventLoopGroup;
import io.netty.util.AsciiString;
import java.util.concurrent.TimeUnit;

/**
 * The {@code Date} header value, formatted once a second on an event loop rather than once per response. The
 * refresh is aligned to the start of each second, so the value is never more than a tick late.
 */
final class DateHeader {
    private static final long SECOND_MS = 1000;

    private volatile AsciiString value = AsciiString.cached(HttpDate.now());

    private DateHeader() {
    }

    static DateHeader startOn(EventLoopGroup group) {
        DateHeader date = new DateHeader();
        long untilNextSecond = SECOND_MS - System.currentTimeMillis() % SECOND_MS;
        group.next().scheduleAtFixedRate(date::refresh, untilNextSecond, SECOND_MS, TimeUnit.MILLISECONDS);
        return date;
    }

    private void refresh() {
        value = AsciiString.cached(HttpDate.now());
    }

    AsciiString value() {
        return value;
    }
}
