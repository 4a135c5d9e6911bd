package org.devicelink.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every sentence the companion shows, from {@code i18n/strings.properties}; looked up here and nowhere else. */
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
}
