package org.devicelink.server.http;

import java.time.Duration;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ProblemType;

/**
 * A failure of the companion API that a person can meet: its problem type, and the sentence of the strings bundle
 * that says what happened and what to do (answered as the RFC 9457 {@code detail}).
 */
public final class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;

    /** @param detailKey the key of the {@code detail} sentence in the strings bundle; {@code args} fill its slots */
    public ApiProblem(ProblemType type, String detailKey, Object... args) {
        this(type, null, Messages.get(detailKey, args));
    }

    private ApiProblem(ProblemType type, Duration retryAfter, String detail) {
        super(detail, null, false, false);
        this.type = type;
        this.retryAfter = retryAfter;
    }

    /** The type's own sentence, {@code problem.<slug>}. */
    public static ApiProblem of(ProblemType type, Object... args) {
        return new ApiProblem(type, "problem." + type.slug(), args);
    }

    /** Held back a moment, not locked out: other attempts of the same account are still being judged. */
    public static ApiProblem crowded(Duration wait) {
        return new ApiProblem(ProblemType.TOO_MANY_ATTEMPTS, wait, Messages.get("problem.too-many-attempts.crowded"));
    }

    /** Too many attempts: the sentence says how long to wait, and so do {@code Retry-After} and {@code retryAfter}. */
    public static ApiProblem tooManyAttempts(Duration wait) {
        return waitFor(ProblemType.TOO_MANY_ATTEMPTS, wait);
    }

    /** A limit reached: the type's own sentence says how long to wait, and so do {@code Retry-After} and {@code retryAfter}. */
    public static ApiProblem waitFor(ProblemType type, Duration wait) {
        return new ApiProblem(type, wait, Messages.get("problem." + type.slug(), Messages.waitText(wait)));
    }

    public ProblemType type() {
        return type;
    }

    /** Null unless the caller should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
