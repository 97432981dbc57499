package concbench.conformance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response as it came off the wire; header names are kept lower-case, as HTTP compares them. {@code receivedAt}
 * is when its head arrived, so that a Date is judged against that moment rather than when a test got round to it.
 */
record HttpResponse(int status, String reason, List<String> headerNames, List<String> headerValues, byte[] body, Instant receivedAt) {
    /** The first value of a header, or null. */
    String header(String name) {
        int index = headerNames.indexOf(name.toLowerCase(Locale.ROOT));
        return index < 0 ? null : headerValues.get(index);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason);
        for (int i = 0; i < headerNames.size(); i++) {
            text.append("\n").append(headerNames.get(i)).append(": ").append(headerValues.get(i));
        }
        return text.append("\n\n").append(bodyText()).toString();
    }

    static final class Builder {
        private final int status;
        private final String reason;
        private final Instant receivedAt = Instant.now();
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        Builder(int status, String reason) {
            this.status = status;
            this.reason = reason;
        }

        void header(String name, String value) {
            names.add(name.toLowerCase(Locale.ROOT));
            values.add(value);
        }

        HttpResponse build(byte[] body) {
            return new HttpResponse(status, reason, List.copyOf(names), List.copyOf(values), body, receivedAt);
        }
    }
}
