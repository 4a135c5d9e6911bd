package org.devicelink.server.http;

import java.util.Locale;
import java.util.UUID;
import org.devicelink.protocol.ProblemType;

/** Ids in API paths (devices, requests) are UUIDs, kept in lower case; anything else names nothing there is. */
public final class PathIds {

    private PathIds() {}

    /** The id in its stored form, or {@code notFound}'s problem. */
    public static String uuid(String text, ProblemType notFound) {
        try {
            return UUID.fromString(text).toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.of(notFound);
        }
    }
}
