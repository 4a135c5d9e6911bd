package org.devicelink.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

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

    /**
     * What a keyboard meets in the scene: each focusable control with no name, and each that Tab, pressed round them
     * all twice over, never reaches; as sentences for a test's list of problems.
     */
    public static List<String> keyboardProblems(FxRobot robot, Scene scene) throws Exception {
        var problems = new ArrayList<String>();
        WaitForAsyncUtils.asyncFx(() -> unnamed(scene.getRoot())).get().forEach(c -> problems.add("no name: " + c));
        List<Control> controls = WaitForAsyncUtils.asyncFx(() -> focusable(scene.getRoot())).get();
        Set<Node> reached = new HashSet<>();
        for (int i = 0; i < controls.size() * 2 + 4; i++) {
            robot.type(KeyCode.TAB);
            reached.add(scene.getFocusOwner());
        }
        for (Control control : controls) {
            if (reached.stream().noneMatch(node -> within(node, control))) {
                problems.add("Tab never reaches " + (control.getId() != null ? "#" + control.getId() : control));
            }
        }
        return problems;
    }

    /** Whether {@code node} is {@code control} or inside it (a focused text field's inner parts, a combo box's). */
    private static boolean within(Node node, Node control) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == control) {
                return true;
            }
        }
        return false;
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
