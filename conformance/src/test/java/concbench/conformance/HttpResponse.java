package concbench.conformance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response as it came off the wire; header names are kept lower-case, as HTTP compares them. The server stamped
 * its Date between {@code requestSentAt}, when the request it answers began to leave the client, and
 * {@code receivedAt}, when its head was read: a window that a loaded machine widens but that the server cannot
 * leave, however late the client reads it.
 */
record HttpResponse(int status, String reason, List<String> headerNames, List<String> headerValues, byte[] body,
        Instant requestSentAt, Instant receivedAt) {
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
        private final Instant requestSentAt;
        private final Instant receivedAt = Instant.now();
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        Builder(int status, String reason, Instant requestSentAt) {
            this.status = status;
            this.reason = reason;
            this.requestSentAt = requestSentAt;
        }

        void header(String name, String value) {
            names.add(name.toLowerCase(Locale.ROOT));
            values.add(value);
        }

        HttpResponse build(byte[] body) {
            return new HttpResponse(status, reason, List.copyOf(names), List.copyOf(values), body, requestSentAt,
                    receivedAt);
        }
    }
}
