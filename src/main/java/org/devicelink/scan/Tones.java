package org.devicelink.scan;

/**
 * Grey pictures made easier to read, for the looks that come after the plain ones. Both work from a local mean (a
 * box filter of running sums, so the cost does not grow with the box): local contrast for glare, shadows and
 * bright spots, where one threshold cannot fit the whole code; sharpening for defocus and motion blur.
 */
final class Tones {

    private Tones() {}

    /**
     * Each pixel's distance from its neighbourhood's mean, in units of the neighbourhood's mean deviation: a code half
     * in shadow and half under a lamp comes out as one even black and white. Flat areas (deviation under 4 grey levels)
     * stay flat rather than turning noise into modules.
     */
    static byte[] localContrast(byte[] grey, int width, int height, int radius) {
        int[] mean = boxMean(grey, width, height, radius);
        int[] deviation = new int[grey.length];
        for (int i = 0; i < grey.length; i++) {
            deviation[i] = Math.abs((grey[i] & 0xff) - mean[i]);
        }
        int[] meanDeviation = boxMean(deviation, width, height, radius);
        var gain = new double[256]; // 60 / spread, looked up: a division a pixel costs more than the rest of the work
        for (int spread = 0; spread < gain.length; spread++) {
            gain[spread] = 60.0 / Math.max(4, spread);
        }
        var out = new byte[grey.length];
        for (int i = 0; i < grey.length; i++) {
            out[i] = clamp(128 + gain[meanDeviation[i]] * ((grey[i] & 0xff) - mean[i]));
        }
        return out;
    }

    /** An unsharp mask: each pixel pushed {@code amount} times its distance from its neighbourhood's mean. */
    static byte[] sharpened(byte[] grey, int width, int height, int radius, double amount) {
        int[] mean = boxMean(grey, width, height, radius);
        var out = new byte[grey.length];
        for (int i = 0; i < grey.length; i++) {
            int value = grey[i] & 0xff;
            out[i] = clamp(value + amount * (value - mean[i]));
        }
        return out;
    }

    private static int[] boxMean(byte[] grey, int width, int height, int radius) {
        var values = new int[grey.length];
        for (int i = 0; i < grey.length; i++) {
            values[i] = grey[i] & 0xff;
        }
        return boxMean(values, width, height, radius);
    }

    /**
     * The mean of the box of {@code 2 * radius + 1} px round each pixel, cut at the picture's edges: running sums
     * along each row, then down the columns a row at a time (memory read in order, a few ms for a 1280x720 frame).
     */
    private static int[] boxMean(int[] values, int width, int height, int radius) {
        var rows = new int[values.length]; // each pixel: the sum of its row's window
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            int sum = 0;
            for (int x = 0; x < Math.min(width, radius); x++) {
                sum += values[offset + x];
            }
            for (int x = 0; x < width; x++) {
                if (x + radius < width) {
                    sum += values[offset + x + radius];
                }
                if (x - radius - 1 >= 0) {
                    sum -= values[offset + x - radius - 1];
                }
                rows[offset + x] = sum;
            }
        }
        var columns = new int[width]; // the sums of the rows' windows over the rows in the box
        for (int y = 0; y < Math.min(height, radius); y++) {
            for (int x = 0; x < width; x++) {
                columns[x] += rows[y * width + x];
            }
        }
        var perWidth = new double[width]; // 1 / the box's width at x: multiplied, not divided, a pixel at a time
        for (int x = 0; x < width; x++) {
            perWidth[x] = 1.0 / (Math.min(width, x + radius + 1) - Math.max(0, x - radius));
        }
        var mean = new int[values.length];
        for (int y = 0; y < height; y++) {
            if (y + radius < height) {
                int add = (y + radius) * width;
                for (int x = 0; x < width; x++) {
                    columns[x] += rows[add + x];
                }
            }
            if (y - radius - 1 >= 0) {
                int remove = (y - radius - 1) * width;
                for (int x = 0; x < width; x++) {
                    columns[x] -= rows[remove + x];
                }
            }
            double perHeight = 1.0 / (Math.min(height, y + radius + 1) - Math.max(0, y - radius));
            for (int x = 0; x < width; x++) {
                mean[y * width + x] = (int) (columns[x] * perWidth[x] * perHeight);
            }
        }
        return mean;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, (int) (value + 0.5)));
    }
}
