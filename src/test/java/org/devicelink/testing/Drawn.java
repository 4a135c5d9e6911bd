package org.devicelink.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/** What JavaFX draws of a window's words. */
public final class Drawn {

    private Drawn() {}

    /**
     * The shown labels JavaFX had to cut to "…" for lack of room, each as "its text → what was drawn". A table's cells
     * and column headers are left out: its columns are the person's to widen.
     */
    public static List<String> cutShort(Node root) {
        var cut = new ArrayList<String>();
        visit(root, cut);
        return cut;
    }

    /**
     * The tab titles not wholly inside their tab's header, each as "its title in a header N px wide": a header drawn
     * narrower than its title (while it opens, say) clips it without the "…" that {@link #cutShort} looks for.
     */
    public static List<String> squeezedTabs(Node root) {
        var squeezed = new ArrayList<String>();
        for (Node header : root.lookupAll(".tab")) {
            if (header instanceof Region region && region.isVisible()) {
                for (Node title : region.lookupAll(".tab-label")) {
                    Bounds inHeader = region.sceneToLocal(title.localToScene(title.getLayoutBounds()));
                    if (inHeader.getMinX() < -1 || inHeader.getMaxX() > region.getWidth() + 1) {
                        squeezed.add("%s in a header %.0f px wide".formatted(((Labeled) title).getText(), region.getWidth()));
                    }
                }
            }
        }
        return squeezed;
    }

    /**
     * The shown controls that reach past the left or right edge of {@code root} laid out {@code width} wide, where a
     * person cannot see them (a row of buttons too wide for a language's longer words). A table's and a scroll pane's
     * insides are theirs to clip. Call on the JavaFX thread; the root is laid out at its scene's width again after.
     */
    public static List<String> beyondTheWindow(Parent root, double width) {
        var beyond = new ArrayList<String>();
        root.resize(width, root.getLayoutBounds().getHeight());
        root.layout();
        root.layout(); // what a first pass changed in answer to the new width (a button down to its icon) is laid out
        outside(root, root, width, beyond);
        root.resize(root.getScene().getWidth(), root.getScene().getHeight());
        root.layout();
        return beyond;
    }

    private static void outside(Parent root, Node node, double width, List<String> beyond) {
        if (!node.isVisible() || node instanceof TableView<?> || node instanceof ScrollPane) {
            return;
        }
        if (node instanceof Control control) {
            Bounds bounds = root.sceneToLocal(control.localToScene(control.getLayoutBounds()));
            if (bounds.getMinX() < -1 || bounds.getMaxX() > width + 1) {
                String name = control instanceof Labeled labeled ? labeled.getText() : control.getId();
                beyond.add("%s at %.0f–%.0f of %.0f px".formatted(name, bounds.getMinX(), bounds.getMaxX(), width));
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> outside(root, child, width, beyond));
        }
    }

    /**
     * The shown texts with a Latin word ({@code [A-Za-z]{2,}}) that is not {@code data}: on a screen in a language
     * written without Latin letters, English that does not come from the bundle. Call on the JavaFX thread.
     */
    public static List<String> latinWords(Node root, Predicate<String> data) {
        var found = new ArrayList<String>();
        texts(root, text -> {
            Matcher words = LATIN.matcher(text);
            while (words.find()) {
                if (!data.test(words.group())) {
                    found.add(words.group() + " in \"" + text + "\"");
                }
            }
        });
        return found;
    }

    /** The shown texts with a direction mark in them, which JavaFX draws as a box. Call on the JavaFX thread. */
    public static List<String> directionMarks(Node root) {
        var found = new ArrayList<String>();
        texts(root, text -> {
            if (MARKS.matcher(text).find()) {
                found.add(text);
            }
        });
        return found;
    }

    private static final Pattern MARKS = Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");

    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

    private static void texts(Node node, Consumer<String> each) {
        if (!node.isVisible() || node instanceof TableColumnHeader) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            each.accept(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> texts(child, each));
        }
    }

    private static void visit(Node node, List<String> cut) {
        if (!node.isVisible() || node instanceof TableColumnHeader) {
            return;
        }
        if (node instanceof Labeled labeled && !(node instanceof Cell<?>) && labeled.getText() != null && !labeled.getText().isEmpty()
                && labeled.lookup(".text") instanceof Text drawn && !drawn.getText().equals(labeled.getText())
                && drawn.getText().contains(labeled.getEllipsisString())) {
            cut.add(labeled.getText() + " → " + drawn.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> visit(child, cut));
        }
    }
}
