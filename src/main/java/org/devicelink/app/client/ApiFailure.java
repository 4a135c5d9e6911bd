package org.devicelink.app.client;

import java.util.Optional;
import org.devicelink.protocol.ProblemType;

/**
 * A companion API call that did not work: the server's problem type when it answered, none when it could not be
 * reached. {@code detail} is the server's sentence for the person.
 */
public final class ApiFailure extends Exception {

    private final ProblemType type;
    private final Long retryAfterSeconds;

    public ApiFailure(ProblemType type, String detail, Long retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
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
