package org.devicelink.app.link;

import java.util.Locale;

/**
 * How the code field shows what a person types: upper case, separators dropped, a dash after four characters,
 * eight at most. Characters that cannot be in a code stay visible, so the person sees the typo they are told about.
 */
public final class CodeFormat {

    private CodeFormat() {}

    public static String format(String typed) {
        var kept = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) && kept.length() < 8) {
                kept.append(c);
            }
        }
        return kept.length() > 4 ? kept.substring(0, 4) + "-" + kept.substring(4) : kept.toString();
    }
}
