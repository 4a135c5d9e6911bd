package org.devicelink.app.common;

import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Locale;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.devicelink.i18n.Messages;
import org.devicelink.i18n.PseudoLanguages;

/**
 * The companion's language: the one chosen in Settings, else this computer's, taken at start. A right-to-left language
 * mirrors every window; a code, an address or a device model stays left to right inside it.
 */
public final class Language {

    /** This computer's language, as the JVM found it before the companion chose one. */
    public static final Locale COMPUTER = Locale.getDefault();

    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private Language() {}

    /**
     * Whether the companion can show {@code language} on this computer. On Linux, JavaFX wraps right-to-left text only
     * with {@link PangoSplitRuns}'s mend; without it the companion speaks English instead of Arabic there (the pages, in a
     * browser, speak Arabic everywhere).
     */
    public static boolean shownHere(Locale language) {
        return !(LINUX && ULocale.forLocale(language).isRightToLeft() && !PseudoLanguages.is(language)) || PangoSplitRuns.installed();
    }

    /** The languages the Settings screen offers on this computer. */
    public static List<Locale> offered() {
        return Messages.LANGUAGES.stream().filter(Language::shownHere).toList();
    }

    /** The language the companion speaks for a tag from Settings (empty: this computer's language). */
    public static Locale spoken(String tag) {
        Locale wanted = Messages.shipped(tag.isBlank() ? COMPUTER : Locale.forLanguageTag(tag));
        return shownHere(wanted) ? wanted : Locale.ENGLISH;
    }

    /** @param tag a language tag from Settings; empty for this computer's language */
    public static void speak(String tag) {
        if (LINUX) {
            PangoSplitRuns.install();
        }
        Locale chosen = spoken(tag);
        Messages.speak(chosen);
        Locale.setDefault(chosen); // JavaFX's own words (a table's placeholder, a dialog's buttons) and date formats follow
    }

    /** The language's direction. */
    public static NodeOrientation direction() {
        return Messages.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
    }

    /** Lays a window's scene out in the language's direction. */
    public static Scene orient(Scene scene) {
        scene.setNodeOrientation(direction());
        return scene;
    }

    /** A node that reads left to right in every language: a code, an address. */
    public static <T extends Node> T leftToRight(T node) {
        node.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        return node;
    }
}
