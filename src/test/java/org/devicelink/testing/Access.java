package org.devicelink.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;

/** What a screen reader and a keyboard meet in a window: its controls, and whether each has a name to be read by. */
public final class Access {

    private Access() {}

    /** The controls shown that take the keyboard's focus: what Tab must reach. Call on the JavaFX thread. */
    public static List<Control> focusable(Node root) {
        var found = new ArrayList<Control>();
        visit(root, found);
        return found;
    }

    /**
     * Those of {@link #focusable} with no name: no text of their own, no accessible text and no label that names them
     * ({@code Label.setLabelFor}). Each as its id, else its kind. Call on the JavaFX thread.
     */
    public static List<String> unnamed(Node root) {
        return focusable(root).stream().filter(control -> !named(control))
                .map(control -> control.getId() != null ? "#" + control.getId() : control.getClass().getSimpleName()).toList();
    }

    private static boolean named(Control control) {
        if (control instanceof TabPane tabs) { // read as its tabs, each by its title
            return tabs.getTabs().stream().allMatch(tab -> present(tab.getText()));
        }
        return present(control.getAccessibleText()) || control instanceof Labeled labeled && present(labeled.getText())
                || control.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY) != null;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static void visit(Node node, List<Control> found) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof Control control && control.isFocusTraversable()) {
            found.add(control);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> visit(child, found));
        }
    }
}
