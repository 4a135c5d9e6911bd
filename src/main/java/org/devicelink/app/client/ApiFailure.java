package org.devicelink.app.client;

import java.util.Optional;
import org.devicelink.protocol.ProblemType;

/**
 * A companion API call that did not work: the server's problem type and its {@code detail} when it answered; when it
 * could not be reached, no type and the server's address. {@link Problems} puts either into words.
 */
public final class ApiFailure extends Exception {

    private final ProblemType type;
    private final Long retryAfterSeconds;

    public ApiFailure(ProblemType type, String detail, Long retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The server at {@code address} could not be reached (or the call was cut off). */
    public static ApiFailure unreachable(String address, Throwable cause) {
        return new ApiFailure(null, address, null, cause);
    }

    /** Empty when the server could not be reached at all. */
    public Optional<ProblemType> type() {
        return Optional.ofNullable(type);
    }

    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    public boolean unreachable() {
        return type == null;
    }
}
