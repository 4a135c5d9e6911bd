package org.devicelink.app.auth;

import com.github.mustachejava.DefaultMustacheFactory;
import java.io.StringWriter;
import java.util.Map;

/**
 * The pages MSAL shows in the browser when the sign-in comes back to the app, from the same templates and in the same
 * look as the server's pages.
 */
final class BrowserPages {

    static final String SIGNED_IN = render("You are signed in", "Go back to the DeviceLink app; you can close this tab.");
    static final String NOT_SIGNED_IN = render("Sign-in did not finish", "Go back to the DeviceLink app to try again.");

    private BrowserPages() {}

    private static String render(String title, String message) {
        var out = new StringWriter();
        new DefaultMustacheFactory("pages").compile("message.mustache").execute(out, Map.of("title", title, "message", message));
        return out.toString();
    }
}
