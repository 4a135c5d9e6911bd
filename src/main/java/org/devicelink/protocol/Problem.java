package org.devicelink.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem document. {@code retryAfter} (seconds) repeats the {@code Retry-After} header for clients that
 * only read bodies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, Long retryAfter) {

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, null);
    }

    public static Problem of(ProblemType type, String detail, long retryAfterSeconds) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, retryAfterSeconds);
    }
}
