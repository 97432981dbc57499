package concbench.contract;

import java.nio.charset.StandardCharsets;

/** A fan-out parameter that is not a number or is out of bounds: the server answers 400 with {@link #body()}. */
public final class InvalidParameterException extends Exception {
    public static final int STATUS = 400;

    public InvalidParameterException(String reason) {
        super(reason, null, false, false);
    }

    /** The one-line plain-text reply body: the reason and a newline. */
    public String body() {
        return getMessage() + "\n";
    }

    public byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }
}
