package org.devicelink.server;

import org.devicelink.protocol.ProblemType;

/** A failure of the companion API that a person can meet; answered as an RFC 9457 problem document. */
public final class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final Long retryAfterSeconds;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ApiProblem(ProblemType type, String detail, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
