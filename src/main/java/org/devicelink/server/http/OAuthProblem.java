package org.devicelink.server.http;

import org.devicelink.protocol.OAuthError;

/** An RFC 6749/8628 error answer of an OAuth endpoint: 400 unless {@code invalid_client} (401). */
public final class OAuthProblem extends RuntimeException {

    private final String error;
    private final Integer interval;
    private volatile String json; // written once: an answer given thousands of times a second is serialized once

    public OAuthProblem(String error, String description) {
        this(error, description, null);
    }

    public OAuthProblem(String error, String description, Integer interval) {
        super(description, null, false, false);
        this.error = error;
        this.interval = interval;
    }

    public String error() {
        return error;
    }

    public int status() {
        return OAuthError.INVALID_CLIENT.equals(error) ? 401 : 400;
    }

    public OAuthError body() {
        return new OAuthError(error, getMessage(), interval);
    }

    /** The answer's JSON. A problem without a stack trace is immutable, so one instance may answer many requests. */
    String json() {
        String written = json;
        if (written == null) {
            try {
                written = org.devicelink.protocol.ProtocolJson.MAPPER.writeValueAsString(body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            json = written;
        }
        return written;
    }
}
