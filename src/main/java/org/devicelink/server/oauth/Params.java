package org.devicelink.server.oauth;

import org.devicelink.protocol.DisplayText;
import org.devicelink.protocol.OAuthError;
import org.devicelink.server.http.OAuthProblem;

/** Bounds and checks for OAuth form parameters; every violation is an {@code invalid_request} naming the field. */
final class Params {

    private Params() {}

    static String required(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Missing parameter " + name + ".");
        }
        return optional(value, name, maxLength);
    }

    static String optional(String value, String name, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Parameter " + name + " is longer than " + maxLength + " characters.");
        }
        return value;
    }

    /** Text a person will read on the approval screen: bounded, no control characters, blank as absent. */
    static String displayText(String value, String name, int maxLength) {
        String text = optional(value, name, maxLength);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!DisplayText.showable(text)) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Parameter " + name
                    + " contains characters that do not show as themselves (control, invisible or direction-changing ones).");
        }
        if (!DisplayText.oneScript(text)) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Parameter " + name
                    + " mixes Latin with Cyrillic or Greek letters, which can pass for one another: write it in one script.");
        }
        return text.strip();
    }

    static String truncate(String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }
}
