package org.devicelink.scan;

import java.util.stream.IntStream;

/**
 * A module grid fitted closer to the picture than the homography an engine found: bent to the alignment patterns
 * where they really are, or along the timing patterns' edges. One homography from the finders drifts across a large
 * code seen through a lens, and misplaces the middle columns of a code bent round a bottle.
 */
final class GridFit {

    private final GreyPicture picture;

    GridFit(GreyPicture picture) {
        this.picture = picture;
    }

    /**
     * The grid bent to where the alignment patterns really are. Each is looked for within a module and a half of where
     * its neighbours' drift puts it (the shift whose 5x5 modules best show its dark ring, light ring and dark middle);
     * the shifts between them are interpolated, and the finders' corners keep theirs at zero.
     */
    ModuleGrid alignedToPatterns(ModuleGrid grid, QrLayout layout, boolean lightOnDark) {
        int[] centres = layout.version.getAlignmentPatternCenters();
        int k = centres.length;
        double[][] shiftX = new double[k][k];
        double[][] shiftY = new double[k][k];
        // outwards from the top-left finder, each pattern looked for where its found neighbours say the grid drifts to
        for (int diagonal = 1; diagonal <= 2 * (k - 1); diagonal++) {
            for (int i = Math.max(0, diagonal - k + 1); i <= Math.min(k - 1, diagonal); i++) {
                int j = diagonal - i;
                boolean onFinder = i == 0 && j == k - 1 || i == k - 1 && j == 0;
                if (!onFinder) {
                    double guessX = drift(shiftX, i, j);
                    double guessY = drift(shiftY, i, j);
                    double[] shift = alignmentShift(grid, centres[i] + 0.5, centres[j] + 0.5, guessX, guessY, lightOnDark);
                    shiftX[i][j] = shift[0];
                    shiftY[i][j] = shift[1];
                }
            }
        }
        return (column, row) -> {
            double[] p = grid.toPicture(column, row);
            int i = cell(centres, column);
            int j = cell(centres, row);
            double u = Math.max(0, Math.min(1, (column - 0.5 - centres[i]) / (centres[i + 1] - centres[i])));
            double v = Math.max(0, Math.min(1, (row - 0.5 - centres[j]) / (centres[j + 1] - centres[j])));
            p[0] += bilinear(shiftX, i, j, u, v);
            p[1] += bilinear(shiftY, i, j, u, v);
            return p;
        };
    }

    /**
     * The grid bent along its timing patterns, for a code on a curved surface: a bottle or a bent card squeezes its
     * columns towards the edges, and one homography through the finders puts the middle ones in the wrong place. The
     * timing row's edges (row 6, dark and light in turn between the finders) say where each column really starts, the
     * timing column's where each row does; modules are moved by what their column's and row's edges say.
     */
    ModuleGrid bentAlongTiming(ModuleGrid grid, int size) {
        double[] columns = timingOffsets(grid, size, true);
        double[] rows = timingOffsets(grid, size, false);
        return (column, row) -> {
            int c = (int) Math.max(0, Math.min(size - 1, Math.floor(column)));
            int r = (int) Math.max(0, Math.min(size - 1, Math.floor(row)));
            return grid.toPicture(column + columns[c], row + rows[r]);
        };
    }

    /**
     * For each column (or row), how far its middle lies from where the grid puts it, in modules: the mean of the
     * offsets of its two edges on the timing pattern, found where the grey crosses halfway between the modules either
     * side, smoothed over five edges; zero for the finders' columns, which the grid was fitted to.
     */
    private double[] timingOffsets(ModuleGrid grid, int size, boolean alongRow) {
        double[] edge = new double[size + 1];
        for (int b = 7; b <= size - 7; b++) {
            double before = along(grid, alongRow, b - 0.5);
            double after = along(grid, alongRow, b + 0.5);
            double half = (before + after) / 2;
            double found = 0;
            double nearest = Double.MAX_VALUE;
            double previous = along(grid, alongRow, b - 0.6);
            for (int step = 1; step <= 24; step++) {
                double x = b - 0.6 + step * 0.05;
                double value = along(grid, alongRow, x);
                if (!Double.isNaN(value) && !Double.isNaN(previous) && (previous - half) * (value - half) <= 0 && value != previous) {
                    double crossing = x - 0.05 + 0.05 * (half - previous) / (value - previous);
                    if (Math.abs(crossing - b) < nearest) {
                        nearest = Math.abs(crossing - b);
                        found = crossing - b;
                    }
                }
                previous = value;
            }
            edge[b] = Math.abs(after - before) < 16 ? Double.NaN : found; // no edge to see: glare, a tear
        }
        double[] smooth = new double[size + 1];
        for (int b = 7; b <= size - 7; b++) {
            double[] near = IntStream.rangeClosed(Math.max(7, b - 2), Math.min(size - 7, b + 2))
                    .mapToDouble(i -> edge[i]).filter(v -> !Double.isNaN(v)).sorted().toArray();
            smooth[b] = near.length == 0 ? 0 : near[near.length / 2];
        }
        double[] offsets = new double[size];
        for (int c = 7; c < size - 7; c++) {
            offsets[c] = (smooth[c] + smooth[c + 1]) / 2;
        }
        return offsets;
    }

    /** The grey at {@code position} along the timing row (or column), on its middle line. */
    private double along(ModuleGrid grid, boolean alongRow, double position) {
        double[] p = alongRow ? grid.toPicture(position, 6.5) : grid.toPicture(6.5, position);
        return picture.at(p[0], p[1]);
    }

    /** The drift a pattern's neighbours above and to the left predict for it: the plane through their shifts. */
    private static double drift(double[][] shift, int i, int j) {
        if (i > 0 && j > 0) {
            return shift[i - 1][j] + shift[i][j - 1] - shift[i - 1][j - 1];
        }
        return i > 0 ? shift[i - 1][j] : shift[i][j - 1];
    }

    private static int cell(int[] centres, double coordinate) {
        int i = 0;
        while (i < centres.length - 2 && coordinate - 0.5 > centres[i + 1]) {
            i++;
        }
        return i;
    }

    private static double bilinear(double[][] values, int i, int j, double u, double v) {
        return values[i][j] * (1 - u) * (1 - v) + values[i + 1][j] * u * (1 - v) + values[i][j + 1] * (1 - u) * v
                + values[i + 1][j + 1] * u * v;
    }

    /**
     * Where the alignment pattern centred at module ({@code column}, {@code row}) really is, as a shift in pixels from
     * where the grid puts it, looked for within a module and a half of the guessed shift.
     */
    private double[] alignmentShift(ModuleGrid grid, double column, double row, double guessX, double guessY, boolean lightOnDark) {
        double[] centre = grid.toPicture(column, row);
        double[] right = grid.toPicture(column + 1, row);
        double module = Math.hypot(right[0] - centre[0], right[1] - centre[1]);
        double best = 0;
        double[] shift = {guessX, guessY};
        for (int sy = -6; sy <= 6; sy++) {
            for (int sx = -6; sx <= 6; sx++) {
                double dx = guessX + sx * module / 4;
                double dy = guessY + sy * module / 4;
                double dark = 0;
                double light = 0;
                int darks = 0;
                int lights = 0;
                for (int v = -2; v <= 2; v++) {
                    for (int u = -2; u <= 2; u++) {
                        double[] p = grid.toPicture(column + u, row + v);
                        double value = picture.at(p[0] + dx, p[1] + dy);
                        if (Double.isNaN(value)) {
                            return new double[] {guessX, guessY};
                        }
                        if (Math.max(Math.abs(u), Math.abs(v)) == 1) {
                            light += value;
                            lights++;
                        } else {
                            dark += value;
                            darks++;
                        }
                    }
                }
                double score = (light / lights - dark / darks) * (lightOnDark ? -1 : 1);
                if (score > best) {
                    best = score;
                    shift = new double[] {dx, dy};
                }
            }
        }
        return shift;
    }
}
