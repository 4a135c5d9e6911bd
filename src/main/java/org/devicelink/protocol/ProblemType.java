package org.devicelink.protocol;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * One stable type per failure of the companion API (RFC 9457). The companion maps each to one message; outside
 * clients switch on {@link #uri()}. Never rename a slug: it is part of the API contract.
 */
public enum ProblemType {
    CODE_NOT_FOUND("code-not-found", 404, "No device is waiting with this code"),
    CODE_EXPIRED("code-expired", 410, "The code has expired"),
    CODE_USED("code-used", 409, "The code has already been used"),
    CODE_INVALID("code-invalid", 400, "This is not a device code"),
    TOO_MANY_ATTEMPTS("too-many-attempts", 429, "Too many wrong codes"),
    DEVICE_LIMIT_REACHED("device-limit-reached", 409, "Too many linked devices"),
    DEVICE_NOT_FOUND("device-not-found", 404, "No such linked device"),
    NOT_ALLOWED("not-allowed", 403, "Not allowed"),
    NOT_IN_FAMILY("not-in-family", 403, "Not a child in your family"),
    PARENTS_ONLY("parents-only", 403, "Only a family organizer may do this"),
    REQUEST_NOT_FOUND("request-not-found", 404, "No such request is waiting"),
    SUPPORT_ONLY("support-only", 403, "Only support staff may do this"),
    SUPPORT_LIMIT("support-limit", 429, "Too many support lookups"),
    SUPPORT_CANNOT_LINK("support-cannot-link", 403, "Support accounts do not link devices"),
    UNAUTHENTICATED("unauthenticated", 401, "Sign-in required"),
    INVALID_REQUEST("invalid-request", 400, "The request is not valid"),
    REQUEST_TOO_LARGE("request-too-large", 413, "The request is too large"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Send JSON"),
    SERVER_ERROR("server-error", 500, "The server failed"),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable"),
    TOO_MANY_STREAMS("too-many-streams", 503, "Too many open event streams"),
    LINKING_OFF("linking-off", 403, "Linking with a code is turned off for this account");

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String PREFIX = "urn:devicelink:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static Optional<ProblemType> fromUri(String uri) {
        return Arrays.stream(values()).filter(t -> t.uri().toString().equals(uri)).findFirst();
    }
}
