package org.devicelink.app.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The companion's look: AtlantaFX Primer, light or dark, under DeviceLink's own stylesheet. */
public final class Theme {

    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private Theme() {}

    /** Applies {@code light} or {@code dark} to every window, at once. */
    public static void apply(String theme) {
        Application.setUserAgentStylesheet(DARK.equals(theme)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** DeviceLink's own stylesheet, for every scene. */
    public static String stylesheet() {
        return Theme.class.getResource("/css/devicelink.css").toExternalForm();
    }
}
