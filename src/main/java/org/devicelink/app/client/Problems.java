package org.devicelink.app.client;

import org.devicelink.app.Messages;

/** One message per problem type, from the bundle; the server's own sentence when the bundle has none. */
public final class Problems {

    private Problems() {}

    public static String message(ApiFailure failure) {
        if (failure.unreachable()) {
            return failure.getMessage();
        }
        var type = failure.type().orElseThrow();
        String key = "problem." + type.slug();
        if (!Messages.has(key)) {
            return failure.getMessage();
        }
        long wait = failure.retryAfterSeconds().orElse(0L);
        String waitText = wait < 90 ? Messages.get("time.seconds", wait) : Messages.get("time.minutes", (wait + 59) / 60);
        return Messages.get(key, waitText, failure.getMessage());
    }
}
