package org.devicelink.scan;

import com.google.zxing.ResultPoint;
import georegression.struct.point.Point2D_F64;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a code's third finder pattern would be, given two: side by side (either could hold the right angle, the third
 * on either side of them) or across the diagonal (the right angle on either side of it). The squares' own direction
 * says which: two finders on one side lie along a side of their squares, two across the diagonal at 45 degrees to it.
 */
final class ThirdFinder {

    private ThirdFinder() {}

    /**
     * The finder centres as ZXing orders them (bottom left, top left, top right) and the version their distance
     * suggests, for each place the code could be.
     */
    record Corners(ResultPoint[] points, int version) {}

    /** Degrees a pair may stray from lying along a side or the diagonal. */
    private static final double SLACK = Math.toRadians(12);

    static List<Corners> places(Point2D_F64 a, Point2D_F64 b, double squareAngle, double module) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double distance = Math.hypot(dx, dy);
        // how far the pair's direction is from the squares' sides, folded into 0..45 degrees
        double off = Math.abs(Math.IEEEremainder(Math.atan2(dy, dx) - squareAngle, Math.PI / 2));
        var places = new ArrayList<Corners>();
        if (off < SLACK) { // along a side: a and b are the right angle and one other, in either role
            int version = version(distance / module + 7);
            for (int sign : new int[] {1, -1}) {
                double rx = -dy * sign;
                double ry = dx * sign;
                places.add(corners(a.x, a.y, b.x, b.y, a.x + rx, a.y + ry, version));
                places.add(corners(b.x, b.y, a.x, a.y, b.x + rx, b.y + ry, version));
            }
        } else if (Math.abs(off - Math.PI / 4) < SLACK) { // across the diagonal: the right angle off its middle
            int version = version(distance / Math.sqrt(2) / module + 7);
            for (int sign : new int[] {1, -1}) {
                double mx = (a.x + b.x) / 2 - dy / 2 * sign;
                double my = (a.y + b.y) / 2 + dx / 2 * sign;
                places.add(corners(mx, my, a.x, a.y, b.x, b.y, version));
            }
        }
        return places;
    }

    /** The right angle at (x0, y0); of the other two, top right is the one clockwise from bottom left on screen. */
    private static Corners corners(double x0, double y0, double x1, double y1, double x2, double y2, int version) {
        double cross = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
        var topLeft = new ResultPoint((float) x0, (float) y0);
        var first = new ResultPoint((float) x1, (float) y1);
        var second = new ResultPoint((float) x2, (float) y2);
        return cross > 0 ? new Corners(new ResultPoint[] {second, topLeft, first}, version)
                : new Corners(new ResultPoint[] {first, topLeft, second}, version);
    }

    private static int version(double modules) {
        return (int) Math.round((modules - 17) / 4);
    }
}
