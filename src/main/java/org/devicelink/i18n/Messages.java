package org.devicelink.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.text.RelativeDateTimeFormatter.AbsoluteUnit;
import com.ibm.icu.text.RelativeDateTimeFormatter.Direction;
import com.ibm.icu.text.RelativeDateTimeFormatter.RelativeUnit;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Every sentence DeviceLink shows a person, from {@code i18n/strings_<language>.properties}: the companion's screens,
 * the server's problem details and its pages. Looked up here and nowhere else; failures elsewhere carry a key and its
 * arguments, and are put into words at the edge.
 *
 * <p>The language is the program's ({@link #speak}: the companion's choice) unless the current thread speaks another
 * ({@link #speakOnThisThread}: the server, for the request it is answering). Patterns are ICU's, so each language
 * writes its own plural forms, and numbers come in the locale's digits. On a page in a right-to-left language each text
 * filled into a sentence is isolated, so a code or an address inside Arabic stays left to right.
 */
public final class Messages {

    /** The languages DeviceLink ships, English first; each bundle holds every key (BundlesTest). */
    public static final List<Locale> LANGUAGES =
            Arrays.stream(new String[] {"en", "de", "fr", "es", "pt-BR", "ja", "zh-CN", "ar"}).map(Locale::forLanguageTag).toList();

    // a missing bundle must not fall back to the machine's language, only to English (the base bundle)
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ThreadLocal<Locale> THREAD = new ThreadLocal<>();
    private static volatile Locale program = shipped(Locale.getDefault());

    private Messages() {}

    /** The language the program speaks where no thread says otherwise: the nearest shipped one to {@code wanted}. */
    public static void speak(Locale wanted) {
        program = shipped(wanted);
    }

    /** This thread speaks {@code language} until {@link #forgetThisThread} (the server: one request's language). */
    public static void speakOnThisThread(Locale language) {
        THREAD.set(shipped(language));
    }

    public static void forgetThisThread() {
        THREAD.remove();
    }

    /** The language sentences come in on this thread. */
    public static Locale locale() {
        Locale spoken = THREAD.get();
        return spoken != null ? spoken : program;
    }

    public static boolean rightToLeft() {
        return ULocale.forLocale(locale()).isRightToLeft();
    }

    /** The shipped language nearest to {@code wanted}: its own, else one of the same language (pt → pt-BR), else English. */
    public static Locale shipped(Locale wanted) {
        if (PseudoLanguages.is(wanted)) {
            return wanted;
        }
        return LANGUAGES.stream().filter(l -> l.equals(wanted)).findFirst()
                .or(() -> LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst())
                .orElse(Locale.ENGLISH);
    }

    /** The first language of an {@code Accept-Language} header that DeviceLink ships, if any. */
    public static Optional<Locale> firstShipped(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0 && !range.getRange().equals("*"))
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .filter(l -> LANGUAGES.stream().anyMatch(shipped -> shipped.getLanguage().equals(l.getLanguage())))
                    .map(Messages::shipped)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public static String get(String key, Object... args) {
        Locale locale = locale();
        try {
            String pattern = bundle(locale).getString(key);
            pattern = PseudoLanguages.is(locale) ? PseudoLanguages.of(pattern) : pattern;
            // always formatted, so every bundle writes an apostrophe the same way: doubled
            // a browser keeps an isolated text's own direction; JavaFX draws the isolate marks as boxes, so windows get none
            boolean isolate = THREAD.get() != null && rightToLeft();
            return new MessageFormat(pattern, ULocale.forLocale(locale)).format(isolate ? isolated(args) : args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public static boolean has(String key) {
        return bundle(locale()).containsKey(key);
    }

    /** "play games and stay signed in": what a device will be allowed to do, each scope in words where the bundle has them. */
    public static String scopes(List<String> scopes) {
        var words = scopes.stream().map(scope -> has("scope." + scope) ? get("scope." + scope) : scope).toList();
        return ListFormatter.getInstance(ULocale.forLocale(locale())).format(words);
    }

    /** "now", "3 minutes ago": how long ago something a person did happened, in the locale's words. */
    public static String ago(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        var format = RelativeDateTimeFormatter.getInstance(ULocale.forLocale(locale()));
        return minutes < 1 ? format.format(Direction.PLAIN, AbsoluteUnit.NOW)
                : format.format(minutes, Direction.LAST, RelativeUnit.MINUTES);
    }

    /**
     * A moment as this language writes it, in this computer's time zone: to the minute, or to the second. A right-to-left
     * language names the month: its numeric dates need direction marks to read in order, which JavaFX draws as boxes.
     */
    public static String moment(Instant instant, boolean toTheSecond) {
        ULocale language = ULocale.forLocale(locale());
        var format = language.isRightToLeft() ? DateFormat.getInstanceForSkeleton(toTheSecond ? "yMMMdjms" : "yMMMdjm", language)
                : DateFormat.getDateTimeInstance(DateFormat.SHORT, toTheSecond ? DateFormat.MEDIUM : DateFormat.SHORT, language);
        return format.format(Date.from(instant));
    }

    /** A moment for a reader who may be in another time zone (an email): to the minute, with this computer's zone named. */
    public static String momentWithZone(Instant instant) {
        return DateFormat.getInstanceForSkeleton("yMMMdjmz", ULocale.forLocale(locale())).format(Date.from(instant));
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

    /** The bundle of a shipped language (BundlesTest keeps every one complete). */
    public static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle("i18n.strings", PseudoLanguages.is(language) ? Locale.ENGLISH : language, NO_FALLBACK);
    }

    // first-strong isolate … pop directional isolate: the text keeps its own direction inside the sentence
    private static Object[] isolated(Object[] args) {
        return Arrays.stream(args).map(a -> a instanceof CharSequence text ? "\u2068" + text + "\u2069" : a).toArray();
    }
}
