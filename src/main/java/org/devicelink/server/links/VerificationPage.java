package org.devicelink.server.links;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;
import org.devicelink.i18n.Messages;
import org.devicelink.server.http.Headers;

/**
 * {@code GET /link}: the page a person reaches by typing the address shown on the device, or by scanning its QR
 * with a phone. Approval happens in the DeviceLink app (where the person is signed in), so the page says where to
 * go and, when the address carries a code, offers a {@code devicelink://} link that opens the app with it.
 */
public final class VerificationPage {

    public static final String PATH = "/link";

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::render);
    }

    private void render(Context ctx) {
        String codeParameter = ctx.queryParam(VerificationLink.CODE_PARAMETER);
        var model = new HashMap<String, Object>();
        if (codeParameter != null && !codeParameter.isBlank()) {
            switch (UserCode.parse(codeParameter)) {
                case UserCode.Parsed.Valid(UserCode code) -> {
                    model.put("code", code.display());
                    model.put("appLink", VerificationLink.appLink(code).toString());
                }
                case UserCode.Parsed.Invalid invalid -> model.put("warning", Messages.get(invalid.messageKey(), invalid.messageArguments()));
            }
        }
        Headers.page(ctx, "form-action 'none'").render("link.mustache", model);
    }
}
