package org.devicelink.app.auth;

import com.github.mustachejava.DefaultMustacheFactory;
import java.io.StringWriter;
import java.util.Map;
import org.devicelink.i18n.Messages;

/**
 * The pages MSAL shows in the browser when the sign-in comes back to the app, from the same templates and in the same
 * look as the server's pages, in the companion's language.
 */
final class BrowserPages {

    private BrowserPages() {}

    /** A page in the language the companion speaks now (rendered per sign-in: a constant kept the first one's language). */
    static String signedIn() {
        return render("browser.signed-in");
    }

    static String notSignedIn() {
        return render("browser.not-signed-in");
    }

    private static String render(String key) {
        var out = new StringWriter();
        var model = Map.of("title", Messages.get(key + ".title"), "message", Messages.get(key + ".text"),
                "lang", Messages.locale().toLanguageTag(), "dir", Messages.rightToLeft() ? "rtl" : "ltr");
        new DefaultMustacheFactory("pages").compile("message.mustache").execute(out, model);
        return out.toString();
    }
}
