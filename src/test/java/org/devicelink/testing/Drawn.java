package org.devicelink.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.skin.TableColumnHeader;
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
