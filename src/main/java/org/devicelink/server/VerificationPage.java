package org.devicelink.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;

/**
 * {@code GET /link}: the page a person reaches by typing the address shown on the device, or by scanning its QR
 * with a phone. Approval happens in the DeviceLink app (where the person is signed in), so the page says where to
 * go and, when the address carries a code, offers a {@code devicelink://} link that opens the app with it.
 */
public final class VerificationPage {

    public static final String PATH = "/link";
    private final String template;

    public VerificationPage() {
        this.template = Pages.load("link.html");
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::render);
    }

    private void render(Context ctx) {
        String codeParameter = ctx.queryParam(VerificationLink.CODE_PARAMETER);
        String codeBlock;
        if (codeParameter == null || codeParameter.isBlank()) {
            codeBlock = "<p>Open the <strong>DeviceLink</strong> app on your computer, sign in, and type the code shown on your device.</p>";
        } else {
            codeBlock = switch (UserCode.parse(codeParameter)) {
                // only the normalized code is ever echoed: it is 8 letters, nothing to escape
                case UserCode.Parsed.Valid(UserCode code) -> "<p>Your device's code:</p><p class=\"code\">" + code.display() + "</p>"
                        + "<p>Check that it matches the code on your device's screen, then approve it in the DeviceLink app.</p>"
                        + "<p><a class=\"button\" href=\"" + VerificationLink.appLink(code) + "\">Open in DeviceLink</a></p>";
                case UserCode.Parsed.Invalid invalid -> "<p class=\"warning\">" + Pages.escape(invalid.message()) + "</p>"
                        + "<p>Open the <strong>DeviceLink</strong> app and type the code shown on your device.</p>";
            };
        }
        ctx.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Frame-Options", "DENY")
                .html(template.replace("{{content}}", codeBlock));
    }
}
