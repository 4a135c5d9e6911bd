package org.devicelink.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.devicelink.app.common.Theme;

/**
 * WCAG 2.1's text contrast (1.4.3, AA), measured on what a window draws: each piece of text's own colour, faded by the
 * opacity of the nodes around it, against the colour most of the pixels behind it have in a snapshot; an icon font's
 * glyph, a graphic, needs 3:1 (1.4.11). That finds the
 * background whatever drew it (a theme, a style, a parent's fill). Text of disabled controls is exempt, as WCAG says.
 */
public final class Contrast {

    /** Normal text needs 4.5:1; large text (24 px, or 18.66 px bold) 3:1. */
    static final double NORMAL = 4.5;
    static final double LARGE = 3.0;

    private Contrast() {}

    /** One piece of text: what it says, its ratio, and the least it needs. */
    public record Reading(String text, double ratio, double needed, String colours) {
        public boolean fails() {
            return ratio < needed;
        }

        @Override
        public String toString() {
            return String.format("\"%s\" %.2f:1 (needs %.1f; %s)", text.length() > 40 ? text.substring(0, 40) + "…" : text, ratio, needed,
                    colours);
        }
    }

    /**
     * Every piece of text the scene shows, measured in the light theme and then the dark one (as a person switches in
     * Settings), named by the theme. Call on the JavaFX thread; the light theme is on again afterwards.
     */
    public static List<String> belowAaInBothThemes(Scene scene) {
        var below = new ArrayList<String>();
        for (String theme : List.of("light", "dark")) {
            Theme.apply(theme);
            measure(scene).stream().filter(Reading::fails).forEach(r -> below.add(theme + ": " + r));
        }
        Theme.apply("light");
        return below;
    }

    /** Every piece of text the scene shows, measured. Call on the JavaFX thread. */
    public static List<Reading> measure(Scene scene) {
        var image = scene.snapshot(null);
        var readings = new ArrayList<Reading>();
        visit(scene.getRoot(), image.getPixelReader(), (int) image.getWidth(), (int) image.getHeight(), readings);
        return readings;
    }

    private static void visit(Node node, PixelReader pixels, int width, int height, List<Reading> readings) {
        if (!node.isVisible() || node.isDisabled() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Text text && text.getText() != null && !text.getText().isBlank() && text.getFill() instanceof Color fill) {
            Bounds bounds = text.localToScene(text.getBoundsInLocal());
            int x0 = Math.max(0, (int) Math.floor(bounds.getMinX()));
            int y0 = Math.max(0, (int) Math.floor(bounds.getMinY()));
            int x1 = Math.min(width, (int) Math.ceil(bounds.getMaxX()));
            int y1 = Math.min(height, (int) Math.ceil(bounds.getMaxY()));
            if (x1 - x0 >= 2 && y1 - y0 >= 2) {
                Color background = commonest(pixels, x0, y0, x1, y1);
                Color drawn = blend(fill, opacity(text), background);
                double size = text.getFont().getSize();
                boolean bold = text.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold");
                // an icon font's glyph (private use area) is a graphic, which needs 3:1 (1.4.11)
                boolean icon = text.getText().strip().codePoints().allMatch(c -> c >= 0xE000 && c <= 0xF8FF || c >= 0xF0000);
                double needed = icon || size >= 24 || bold && size >= 18.66 ? LARGE : NORMAL;
                readings.add(new Reading(icon ? "(icon)" : text.getText().strip(), ratio(drawn, background), needed,
                        hex(drawn) + " on " + hex(background)));
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> visit(child, pixels, width, height, readings));
        }
    }

    private static double opacity(Node node) {
        double opacity = 1;
        for (Node n = node; n != null; n = n.getParent()) {
            opacity *= n.getOpacity();
        }
        return opacity;
    }

    private static Color blend(Color fill, double opacity, Color under) {
        double a = fill.getOpacity() * opacity;
        return Color.color(fill.getRed() * a + under.getRed() * (1 - a), fill.getGreen() * a + under.getGreen() * (1 - a),
                fill.getBlue() * a + under.getBlue() * (1 - a));
    }

    private static Color commonest(PixelReader pixels, int x0, int y0, int x1, int y1) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                counts.merge(pixels.getArgb(x, y), 1, Integer::sum);
            }
        }
        int argb = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    /** WCAG's contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
