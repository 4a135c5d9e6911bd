package org.devicelink.i18n;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every sentence DeviceLink shows a person, from {@code i18n/strings.properties}: the companion's screens, the
 * server's problem details and its pages. Looked up here and nowhere else; failures elsewhere carry a key and its
 * arguments, and are put into words at the edge.
 */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.strings", Locale.getDefault());

    private Messages() {}

    public static String get(String key, Object... args) {
        try {
            String pattern = BUNDLE.getString(key);
            // always formatted, so the bundle writes every apostrophe the same way: doubled
            return new MessageFormat(pattern, Locale.getDefault()).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }

    /** "play games, stay signed in": what a device will be allowed to do, each scope in words where the bundle has them. */
    public static String scopes(List<String> scopes) {
        return String.join(", ", scopes.stream().map(scope -> has("scope." + scope) ? get("scope." + scope) : scope).toList());
    }

    /** "just now", "3 min ago": how long ago something a person did happened. */
    public static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        return seconds < 60 ? get("time.justNow") : get("time.minutesAgo", seconds / 60);
    }

    /** "42 seconds" or "15 minutes": how long a person must wait, rounded up. */
    public static String waitText(Duration wait) {
        long seconds = wholeSeconds(wait);
        return seconds < 90 ? get("time.seconds", seconds) : get("time.minutes", (seconds + 59) / 60);
    }

    /** A wait in whole seconds, never 0 (what a {@code Retry-After} header says). */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
