package org.devicelink.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** What JavaFX draws of a window's words. */
public final class Drawn {

    private Drawn() {}

    /**
     * The shown labels JavaFX had to cut to "…" for lack of room, each as "its text → what was drawn". A table's cells
     * are left out: their columns are the person's to widen.
     */
    public static List<String> cutShort(Node root) {
        var cut = new ArrayList<String>();
        visit(root, cut);
        return cut;
    }

    private static void visit(Node node, List<String> cut) {
        if (!node.isVisible()) {
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
