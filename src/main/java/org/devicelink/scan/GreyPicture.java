package org.devicelink.scan;

/** An 8-bit grey picture, row by row, read at any point: where a module grid puts a module, between pixels. */
record GreyPicture(byte[] grey, int width, int height) {

    /** The grey at a point, bilinear between pixel centres; NaN outside the picture. */
    double at(double px, double py) {
        double x = px - 0.5;
        double y = py - 0.5;
        if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) {
            return Double.NaN;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double ax = x - x0;
        double ay = y - y0;
        double top = (grey[y0 * width + x0] & 0xff) * (1 - ax) + (grey[y0 * width + x1] & 0xff) * ax;
        double bottom = (grey[y1 * width + x0] & 0xff) * (1 - ax) + (grey[y1 * width + x1] & 0xff) * ax;
        return top * (1 - ay) + bottom * ay;
    }
}
