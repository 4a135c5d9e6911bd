package org.devicelink.app.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A scrolling screen that brings whatever takes the keyboard focus into view, as a browser does: JavaFX's ScrollPane
 * leaves a control reached with Tab out of sight.
 */
public final class FocusScrolling {

    private FocusScrolling() {}

    public static ScrollPane follow(ScrollPane scroll) {
        scroll.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, was, focused) -> reveal(scroll, focused));
            }
        });
        return scroll;
    }

    private static void reveal(ScrollPane scroll, Node focused) {
        Node content = scroll.getContent();
        if (focused == null || content == null || !isInside(focused, content)) {
            return;
        }
        Bounds node = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden <= 0) {
            return;
        }
        double top = scroll.getVvalue() * hidden;
        double bottom = top + scroll.getViewportBounds().getHeight();
        if (node.getMaxY() > bottom) {
            scroll.setVvalue(Math.min(1, (node.getMaxY() - scroll.getViewportBounds().getHeight() + 12) / hidden));
        } else if (node.getMinY() < top) {
            scroll.setVvalue(Math.max(0, (node.getMinY() - 12) / hidden));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
