package org.devicelink.scan;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * A second reading of a code that an engine found but could not correct: glare, a torn corner, a smudge or a spot of
 * ink took more codewords than errors-only correction can spare. Every module is sampled in grey and compared with
 * its neighbourhood; a module near its threshold, or in a patch with little contrast left (washed out by glare, inked
 * over, torn away), is a module the reading is unsure of. Each Reed-Solomon block is then decoded the way generalized
 * minimum-distance decoding does: its least sure codewords erased, more and more of them, until it corrects. An
 * erasure costs one check symbol where an error costs two, so a code can lose about twice as much to damage that shows.
 * Each block keeps {@link #SPARE} check symbols unused and the standard's misdecode protection, so that a misread is
 * found rather than corrected into some other text.
 */
final class ErasureReader {

    /** Where a module coordinate (column, row; the code's outer top-left corner at 0, 0) lies in the picture. */
    interface Grid {
        double[] toPicture(double column, double row);
    }

    /** What was read, and the code's outer corners in the picture (top left, top right, bottom right, bottom left). */
    record Read(String text, List<QrDecoder.Point> corners) {}

    /** Check symbols each block keeps unused: a wrong correction would have to fit 3 more symbols, 1 in 16 million. */
    static final int SPARE = 3;
    /** Modules either side whose values set a module's threshold: a 7x7 neighbourhood. */
    private static final int REACH = 3;

    private final byte[] grey;
    private final int width;
    private final int height;

    ErasureReader(byte[] grey, int width, int height) {
        this.grey = grey;
        this.width = width;
        this.height = height;
    }

    /**
     * Reads the code of {@code version} at {@code grid}; {@code lightOnDark} for an inverted code. {@code known} is a
     * format an engine has read already, tried before the format this reading finds itself.
     */
    Optional<Read> read(Grid grid, int version, boolean lightOnDark, Optional<QrLayout.Format> known) {
        if (version < 1 || version > 40) {
            return Optional.empty();
        }
        QrLayout layout = QrLayout.of(version);
        Optional<Read> read = read(grid, layout, lightOnDark, known);
        if (read.isPresent() || version == 1) {
            return read;
        }
        return read(refined(grid, layout, lightOnDark), layout, lightOnDark, known);
    }

    private Optional<Read> read(Grid grid, QrLayout layout, boolean lightOnDark, Optional<QrLayout.Format> known) {
        int size = layout.size;
        double[] value = new double[size * size];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                value[row * size + column] = sample(grid, column + 0.5, row + 0.5);
                if (Double.isNaN(value[row * size + column])) {
                    return Optional.empty(); // part of the code is outside the picture: not this reading's case
                }
            }
        }
        boolean[] dark = new boolean[size * size];
        double[] sureness = sureness(value, size, lightOnDark, dark);
        for (boolean transposed : new boolean[] {false, true}) {
            boolean[] bits = transposed ? transpose(dark, size) : dark;
            double[] sure = transposed ? transpose(sureness, size) : sureness;
            var formats = new ArrayList<QrLayout.Format>();
            known.ifPresent(formats::add);
            format(layout, bits).filter(f -> !formats.contains(f)).ifPresent(formats::add);
            for (QrLayout.Format format : formats) {
                Optional<String> text = decode(layout, format, bits, sure);
                if (text.isPresent()) {
                    return Optional.of(new Read(text.get(), List.of(point(grid, 0, 0), point(grid, size, 0),
                            point(grid, size, size), point(grid, 0, size))));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * How sure each module's reading is, 0 (a coin toss) to 1 and more, and whether it reads dark: its distance from
     * the middle of its neighbourhood's dark and light, against the code's usual contrast. A patch washed out by glare
     * keeps its threshold but loses its contrast, so its modules come out unsure rather than white.
     */
    private static double[] sureness(double[] value, int size, boolean lightOnDark, boolean[] dark) {
        double[] threshold = new double[size * size];
        double[] contrast = new double[size * size];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                double sum = 0;
                int n = 0;
                for (int y = Math.max(0, row - REACH); y <= Math.min(size - 1, row + REACH); y++) {
                    for (int x = Math.max(0, column - REACH); x <= Math.min(size - 1, column + REACH); x++) {
                        sum += value[y * size + x];
                        n++;
                    }
                }
                double mean = sum / n;
                double low = 0;
                double high = 0;
                int lows = 0;
                int highs = 0;
                for (int y = Math.max(0, row - REACH); y <= Math.min(size - 1, row + REACH); y++) {
                    for (int x = Math.max(0, column - REACH); x <= Math.min(size - 1, column + REACH); x++) {
                        double v = value[y * size + x];
                        if (v < mean) {
                            low += v;
                            lows++;
                        } else {
                            high += v;
                            highs++;
                        }
                    }
                }
                low = lows == 0 ? mean : low / lows;
                high = highs == 0 ? mean : high / highs;
                threshold[row * size + column] = (low + high) / 2;
                contrast[row * size + column] = high - low;
            }
        }
        double[] sorted = contrast.clone();
        Arrays.sort(sorted);
        double usual = Math.max(8, sorted[sorted.length * 3 / 4]);
        double[] sureness = new double[size * size];
        for (int i = 0; i < sureness.length; i++) {
            dark[i] = value[i] < threshold[i] != lightOnDark;
            sureness[i] = Math.abs(value[i] - threshold[i]) / (usual / 2);
        }
        return sureness;
    }

    /**
     * The grid bent to where the alignment patterns really are: one homography from the finders drifts across a large
     * code seen through a lens, bent round a bottle or printed unevenly. Each alignment pattern is looked for within
     * a module and a half of where the grid puts it (the shift whose 5x5 modules best show its dark ring, light ring and
     * dark middle); the shifts between them are interpolated, and the finders' corners keep theirs at zero.
     */
    Grid refined(Grid grid, QrLayout layout, boolean lightOnDark) {
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
    private double[] alignmentShift(Grid grid, double column, double row, double guessX, double guessY, boolean lightOnDark) {
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
                        double value = pixel(p[0] + dx, p[1] + dy);
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

    /** The format the two copies come nearest to, if within 3 bits of either (the code corrects 3). */
    private static Optional<QrLayout.Format> format(QrLayout layout, boolean[] bits) {
        int copy1 = word(bits, layout.formatCopy1());
        int copy2 = word(bits, layout.formatCopy2());
        QrLayout.Format best = null;
        int distance = 4;
        for (QrLayout.Format format : QrLayout.Format.all()) {
            int d = Math.min(Integer.bitCount(format.bits() ^ copy1), Integer.bitCount(format.bits() ^ copy2));
            if (d < distance) {
                distance = d;
                best = format;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int word(boolean[] bits, int[] modules) {
        int word = 0;
        for (int module : modules) {
            word = word << 1 | (bits[module] ? 1 : 0);
        }
        return word;
    }

    /** Every block corrected with as few erasures as it needs, then ZXing's text rules over the data codewords. */
    private static Optional<String> decode(QrLayout layout, QrLayout.Format format, boolean[] bits, double[] sure) {
        int size = layout.size;
        int[] codewords = new int[layout.codewords.length];
        double[] certainty = new double[codewords.length];
        for (int c = 0; c < codewords.length; c++) {
            double least = Double.MAX_VALUE;
            for (int module : layout.codewords[c]) {
                boolean bit = bits[module] != QrLayout.masked(format.mask(), module / size, module % size);
                codewords[c] = codewords[c] << 1 | (bit ? 1 : 0);
                least = Math.min(least, sure[module]);
            }
            certainty[c] = least;
        }
        ErrorCorrectionLevel level = format.level();
        int checks = layout.version.getECBlocksForLevel(level).getECCodewordsPerBlock();
        int usable = checks - layout.protection(level) - SPARE;
        var data = new ArrayList<Integer>();
        for (QrLayout.Block block : layout.blocks(level)) {
            int[] symbols = IntStream.of(block.codewords()).map(c -> codewords[c]).toArray();
            Integer[] leastSure = IntStream.range(0, symbols.length).boxed()
                    .sorted(Comparator.comparingDouble(i -> certainty[block.codewords()[i]])).toArray(Integer[]::new);
            boolean corrected = false;
            for (int erasures = 0; erasures <= usable && !corrected; erasures++) {
                int[] erased = Arrays.stream(leastSure, 0, erasures).mapToInt(Integer::intValue).toArray();
                int[] attempt = symbols.clone();
                OptionalInt errors = ReedSolomon.correct(attempt, checks, erased);
                if (errors.isPresent() && 2 * errors.getAsInt() + erasures <= usable) {
                    System.arraycopy(attempt, 0, symbols, 0, symbols.length);
                    corrected = true;
                }
            }
            if (!corrected) {
                return Optional.empty();
            }
            for (int i = 0; i < block.data(); i++) {
                data.add(symbols[i]);
            }
        }
        // the data codewords in order: block by block, as ZXing's DataBlock joins them
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) data.get(i).intValue();
        }
        return QrText.of(bytes, layout.version, level);
    }

    /** The mean of five points across the module's middle, bilinear; NaN outside the picture. */
    private double sample(Grid grid, double column, double row) {
        double sum = 0;
        for (double[] offset : OFFSETS) {
            double[] p = grid.toPicture(column + offset[0], row + offset[1]);
            sum += pixel(p[0], p[1]);
        }
        return sum / OFFSETS.length;
    }

    /** The picture's grey at a point, bilinear between pixel centres; NaN outside it. */
    private double pixel(double px, double py) {
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

    private static final double[][] OFFSETS = {{0, 0}, {-0.2, 0}, {0.2, 0}, {0, -0.2}, {0, 0.2}};

    private static QrDecoder.Point point(Grid grid, double column, double row) {
        double[] p = grid.toPicture(column, row);
        return new QrDecoder.Point(p[0], p[1]);
    }

    private static boolean[] transpose(boolean[] modules, int size) {
        var transposed = new boolean[modules.length];
        for (int i = 0; i < modules.length; i++) {
            transposed[i % size * size + i / size] = modules[i];
        }
        return transposed;
    }

    private static double[] transpose(double[] modules, int size) {
        var transposed = new double[modules.length];
        for (int i = 0; i < modules.length; i++) {
            transposed[i % size * size + i / size] = modules[i];
        }
        return transposed;
    }
}
