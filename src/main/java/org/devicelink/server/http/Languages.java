package org.devicelink.server.http;

import com.github.mustachejava.util.HtmlEscaper;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.devicelink.i18n.Messages;
import org.devicelink.i18n.PseudoLanguages;

/**
 * The language a request is answered in: the one a person chose on a page ({@code ?lang=de}, remembered in a cookie),
 * else the browser's or client's {@code Accept-Language}, else English. Pages also get what their template needs:
 * {@code lang} and {@code dir} for the {@code html} element, {@code t} for a sentence of the bundle, and the language
 * links of the switcher.
 */
public final class Languages {

    static final String PARAMETER = "lang";
    static final String COOKIE = "devicelink_lang";
    private static final int REMEMBERED_SECONDS = 365 * 24 * 3600;

    private Languages() {}

    /** Speaks the request's language on this thread until {@link #forget}. */
    public static void speak(Context ctx) {
        Messages.speakOnThisThread(choose(ctx));
    }

    public static void forget() {
        Messages.forgetThisThread();
    }

    private static Locale choose(Context ctx) {
        Optional<Locale> chosen = exactly(ctx.queryParam(PARAMETER));
        if (chosen.isPresent()) {
            ctx.cookie(new Cookie(COOKIE, chosen.get().toLanguageTag(), "/", REMEMBERED_SECONDS, true, true, null, SameSite.LAX));
            return chosen.get();
        }
        return exactly(ctx.cookie(COOKIE)).or(() -> Messages.firstShipped(ctx.header("Accept-Language"))).orElse(Locale.ENGLISH);
    }

    /** Only a shipped language's own tag (or a pseudo-language's, for looking at layouts) is taken: anything else is ignored. */
    private static Optional<Locale> exactly(String tag) {
        if (tag == null || tag.length() > 10) {
            return Optional.empty();
        }
        return Stream.concat(Messages.LANGUAGES.stream(), PseudoLanguages.ALL.stream()).filter(l -> l.toLanguageTag().equals(tag))
                .findFirst();
    }

    /** What every page's template reads besides its own model. */
    static Map<String, Object> pageScope(Context ctx) {
        Locale spoken = Messages.locale();
        Map<String, Object> scope = new HashMap<>();
        scope.put("lang", spoken.toLanguageTag());
        scope.put("dir", Messages.rightToLeft() ? "rtl" : "ltr");
        scope.put("t", (Function<String, String>) key -> escape(Messages.get(key.strip())));
        // a page answered to a form cannot be asked for again by a link: it keeps the language it was sent in
        if (ctx.method() == HandlerType.GET) {
            scope.put("switcher", Map.of("items", switcher(ctx, spoken)));
        }
        return scope;
    }

    private static List<Map<String, Object>> switcher(Context ctx, Locale spoken) {
        // the same page again, with the rest of its query; never a code another site put in the address, which the page
        // shows once and lets go of
        String others = ctx.queryParamMap().entrySet().stream().filter(e -> !e.getKey().equals(PARAMETER) && !e.getKey().equals("code"))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        String here = ctx.path() + "?" + (others.isEmpty() ? "" : others + "&") + PARAMETER + "=";
        return Messages.LANGUAGES.stream().map(l -> Map.<String, Object>of("tag", l.toLanguageTag(),
                "name", Messages.bundle(l).getString("language.self"), "href", here + l.toLanguageTag(), "current", l.equals(spoken)))
                .toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // a Mustache function's answer is not escaped for it: escaped here as Mustache escapes every value it inserts
    private static String escape(String text) {
        var out = new StringWriter();
        HtmlEscaper.escape(text, out);
        return out.toString();
    }
}
