package org.devicelink.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
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
     * What a keyboard meets in the scene: each focusable control with no name, each that Tab, pressed round them all
     * twice over, never reaches, and each whose focus does not show (its pixels, and 4 px round it, the same focused by
     * Tab as when Tab has moved on); as sentences for a test's list of problems.
     */
    public static List<String> keyboardProblems(FxRobot robot, Scene scene) throws Exception {
        var problems = new ArrayList<String>();
        WaitForAsyncUtils.asyncFx(() -> unnamed(scene.getRoot())).get().forEach(c -> problems.add("no name: " + c));
        List<Control> controls = WaitForAsyncUtils.asyncFx(() -> focusable(scene.getRoot())).get();
        var shots = new ArrayList<Shot>();
        for (int i = 0; i < controls.size() * 2 + 4; i++) {
            robot.type(KeyCode.TAB);
            shots.add(WaitForAsyncUtils.asyncFx(() -> new Shot(scene.snapshot(null), scene.getFocusOwner(),
                    controls.stream().map(c -> c.localToScene(c.getBoundsInLocal())).toList())).get());
        }
        for (int c = 0; c < controls.size(); c++) {
            Control control = controls.get(c);
            String name = control.getId() != null ? "#" + control.getId() : control.toString();
            int index = c;
            var focused = shots.stream().filter(shot -> within(shot.owner(), control)).findFirst();
            if (focused.isEmpty()) {
                problems.add("Tab never reaches " + name);
                continue;
            }
            Bounds place = focused.get().places().get(index);
            // the same place on screen with the focus elsewhere (a scrolling screen may have moved it meanwhile)
            var unfocused = shots.stream().filter(shot -> !within(shot.owner(), control) && shot.places().get(index).equals(place))
                    .findFirst();
            if (unfocused.isPresent() && differingPixels(focused.get().image(), unfocused.get().image(), place) < MIN_FOCUS_PIXELS) {
                problems.add("no visible focus on " + name);
            }
        }
        return problems;
    }

    /** The scene as it looked after one press of Tab: what had the focus, and where each control was. */
    private record Shot(WritableImage image, Node owner, List<Bounds> places) {}

    /** Pixels a focus ring changes at the least: a 1-px line round a 20x20 box is 80. */
    private static final int MIN_FOCUS_PIXELS = 40;

    private static int differingPixels(WritableImage a, WritableImage b, Bounds bounds) {
        int x0 = (int) Math.max(0, bounds.getMinX() - 4);
        int y0 = (int) Math.max(0, bounds.getMinY() - 4);
        int x1 = (int) Math.min(Math.min(a.getWidth(), b.getWidth()), bounds.getMaxX() + 4);
        int y1 = (int) Math.min(Math.min(a.getHeight(), b.getHeight()), bounds.getMaxY() + 4);
        int differing = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
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
