package concbench.contract;

/**
 * A validated {@code GET /fanout?n=N&delayMs=D}: how many concurrent back-end calls to make and how long each one
 * waits at the back end. Parsed here once so that every server accepts and rejects exactly the same queries.
 */
public record FanoutRequest(int calls, int delayMs) {
    /** Longer than any bound a server can be configured with needs, short enough that parsing cannot overflow. */
    private static final int MAX_DIGITS = 9;

    /**
     * Parses the raw (still percent-encoded) query string of a fan-out request. A missing parameter takes the
     * server's default; a present one must be a plain decimal integer within the server's bounds. Unknown
     * parameters are ignored; a repeated one counts once, the first.
     *
     * @param rawQuery the part of the request target after {@code ?}, or null when there is none
     * @throws InvalidParameterException naming the parameter and its bounds
     */
    public static FanoutRequest parse(String rawQuery, ServerConfig config) throws InvalidParameterException {
        String calls = null;
        String delay = null;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (calls == null && name.equals(Contract.CALLS_PARAM)) {
                    calls = value;
                } else if (delay == null && name.equals(Contract.DELAY_PARAM)) {
                    delay = value;
                }
            }
        }
        return new FanoutRequest(
                bounded(Contract.CALLS_PARAM, calls, config.defaultCalls(), 1, config.maxCalls()),
                bounded(Contract.DELAY_PARAM, delay, config.defaultDelayMs(), 0, config.maxDelayMs()));
    }

    private static int bounded(String name, String value, int absent, int min, int max)
            throws InvalidParameterException {
        if (value == null) {
            return absent;
        }
        int parsed = parseDigits(value);
        if (parsed < min || parsed > max) {
            throw new InvalidParameterException(name + " must be an integer from " + min + " to " + max);
        }
        return parsed;
    }

    /** The value of a string of 1 to {@link #MAX_DIGITS} ASCII digits, or -1 for anything else. */
    private static int parseDigits(String value) {
        if (value.isEmpty() || value.length() > MAX_DIGITS) {
            return -1;
        }
        int result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }
}
