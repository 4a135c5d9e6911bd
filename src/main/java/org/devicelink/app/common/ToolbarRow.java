package org.devicelink.app.common;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;

/**
 * A toolbar's two groups on one row, the second at the far end; where the window is too narrow for both (a longer
 * language, the narrowest window), the second goes onto a row of its own beneath, still at the far end. A row that only
 * shrank would push its buttons out of the window or cut their words.
 */
public final class ToolbarRow extends Region {

    private final Region start;
    private final Region end;
    private final double gap;

    public ToolbarRow(double gap, Region start, Region end) {
        this.gap = gap;
        this.start = start;
        this.end = end;
        getChildren().addAll(start, end);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** One row when the second group fits beside the first at its narrowest (its search field shrinks, say, its buttons not). */
    private boolean oneRow(double width) {
        return width < 0 || start.minWidth(-1) + gap + end.prefWidth(-1) <= width - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.max(start.minWidth(-1), end.minWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + start.prefWidth(-1) + gap + end.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width); // a toolbar never gives its rows' height to a growing table below
    }

    @Override
    protected double computePrefHeight(double width) {
        double rows = oneRow(width) ? Math.max(start.prefHeight(-1), end.prefHeight(-1))
                : start.prefHeight(-1) + gap + end.prefHeight(-1);
        return snappedTopInset() + rows + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double width = getWidth() - x - snappedRightInset();
        double endWidth = Math.min(width, end.prefWidth(-1));
        if (oneRow(getWidth())) {
            double height = getHeight() - y - snappedBottomInset();
            layoutInArea(start, x, y, width - gap - endWidth, height, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, x + width - endWidth, y, endWidth, height, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double startHeight = start.prefHeight(-1);
            layoutInArea(start, x, y, width, startHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, x + width - endWidth, y + startHeight + gap, endWidth, end.prefHeight(-1), 0, HPos.RIGHT, VPos.CENTER);
        }
    }
}
