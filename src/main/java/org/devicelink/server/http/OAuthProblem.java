package org.devicelink.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.ProtocolJson;

/** An RFC 6749/8628 error answer of an OAuth endpoint: 400 unless {@code invalid_client} (401) or a limit (429). */
public final class OAuthProblem extends RuntimeException {

    private final String error;
    private final Integer interval;
    private final Duration retryAfter;
    private volatile byte[] json; // written once: an answer given thousands of times a second is serialized once

    public OAuthProblem(String error, String description) {
        this(error, description, null);
    }

    public OAuthProblem(String error, String description, Integer interval) {
        this(error, description, interval, null);
    }

    private OAuthProblem(String error, String description, Integer interval, Duration retryAfter) {
        super(description, null, false, false);
        this.error = error;
        this.interval = interval;
        this.retryAfter = retryAfter;
    }

    /** A limit reached: 429 {@code slow_down}, come back after {@code wait} (also sent as {@code Retry-After}). */
    public static OAuthProblem tooMany(String description, Duration wait) {
        return new OAuthProblem(OAuthError.SLOW_DOWN, description, null, wait);
    }

    /** Null unless the client should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public String error() {
        return error;
    }

    public int status() {
        return retryAfter != null ? 429 : OAuthError.INVALID_CLIENT.equals(error) ? 401 : 400;
    }

    public OAuthError body() {
        return new OAuthError(error, getMessage(), interval);
    }

    /**
     * The answer's JSON. A problem without a stack trace is immutable, so one instance may answer many requests; no
     * reader changes the bytes.
     */
    byte[] json() {
        byte[] written = json;
        if (written == null) {
            try {
                written = ProtocolJson.MAPPER.writeValueAsBytes(body());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            json = written;
        }
        return written;
    }
}
