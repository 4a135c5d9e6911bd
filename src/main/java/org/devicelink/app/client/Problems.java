package org.devicelink.app.client;

import java.time.Duration;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ProblemType;

/**
 * One sentence per problem type, from the strings bundle: {@code problem.<slug>}, filled with how long to wait and
 * the server's own words; the server's words alone when the bundle has no sentence for the type.
 */
public final class Problems {

    private Problems() {}

    /** What a failed call says to the person: the problem's sentence, or that something unexpected happened. */
    public static String message(Throwable e) {
        return e instanceof ApiFailure failure ? message(failure) : Messages.get("error.unexpected", String.valueOf(e.getMessage()));
    }

    public static String message(ApiFailure failure) {
        if (failure.unreachable()) {
            return Messages.get("problem.unreachable", failure.getMessage());
        }
        var type = failure.type().orElseThrow();
        if (type == ProblemType.DEVICE_LIMIT_REACHED && !failure.getMessage().isBlank()) {
            return failure.getMessage(); // the server's sentence names the app and its devices, which only it knows
        }
        String key = "problem." + type.slug();
        if (!Messages.has(key)) {
            return failure.getMessage();
        }
        String wait = Messages.waitText(Duration.ofSeconds(failure.retryAfterSeconds().orElse(0L)));
        return Messages.get(key, wait, failure.getMessage());
    }
}
