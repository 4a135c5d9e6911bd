package org.devicelink.scan;

import com.google.zxing.ResultPoint;
import com.google.zxing.common.PerspectiveTransform;
import georegression.struct.homography.Homography2D_F64;

/** Where a module coordinate (column, row; the code's outer top-left corner at 0, 0) lies in the picture. */
interface ModuleGrid {

    double[] toPicture(double column, double row);

    /**
     * Module coordinates to the picture through ZXing's points (bottom-left, top-left and top-right finder centres,
     * then the alignment pattern's if it found one), as ZXing's own detector maps them.
     */
    static ModuleGrid throughFinders(ResultPoint[] points, int size) {
        double far = size - 3.5;
        boolean aligned = points.length > 3 && points[3] != null;
        double corner = aligned ? size - 6.5 : far;
        float cornerX = aligned ? points[3].getX() : points[2].getX() + points[0].getX() - points[1].getX();
        float cornerY = aligned ? points[3].getY() : points[2].getY() + points[0].getY() - points[1].getY();
        PerspectiveTransform transform = PerspectiveTransform.quadrilateralToQuadrilateral(
                3.5f, 3.5f, (float) far, 3.5f, (float) corner, (float) corner, 3.5f, (float) far,
                points[1].getX(), points[1].getY(), points[2].getX(), points[2].getY(), cornerX, cornerY,
                points[0].getX(), points[0].getY());
        return (column, row) -> {
            float[] xy = {(float) column, (float) row};
            transform.transformPoints(xy);
            return new double[] {xy[0], xy[1]};
        };
    }

    /** BoofCV's grid-to-picture homography, which takes (column, row) in modules. */
    static ModuleGrid throughHomography(Homography2D_F64 h) {
        Homography2D_F64 copy = h.copy();
        return (column, row) -> {
            double z = copy.a31 * column + copy.a32 * row + copy.a33;
            return new double[] {(copy.a11 * column + copy.a12 * row + copy.a13) / z, (copy.a21 * column + copy.a22 * row + copy.a23) / z};
        };
    }
}
