package org.devicelink.scan;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import georegression.struct.point.Point2D_F64;
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

    /** What was read, and the code's outer corners in the picture (top left, top right, bottom right, bottom left). */
    record Read(String text, List<Point2D_F64> corners) {}

    /** Check symbols each block keeps unused: a wrong correction would have to fit 3 more symbols, 1 in 16 million. */
    static final int SPARE = 3;
    /** Modules either side whose values set a module's threshold: a 7x7 neighbourhood. */
    private static final int REACH = 3;

    private final GreyPicture picture;
    private final GridFit fit;

    ErasureReader(GreyPicture picture) {
        this.picture = picture;
        this.fit = new GridFit(picture);
    }

    /**
     * Reads the code of {@code version} at {@code grid}; {@code lightOnDark} for an inverted code. {@code known} is a
     * format an engine has read already, tried before the format this reading finds itself.
     */
    Optional<Read> read(ModuleGrid grid, int version, boolean lightOnDark, Optional<QrLayout.Format> known) {
        if (version < 1 || version > 40) {
            return Optional.empty();
        }
        QrLayout layout = QrLayout.of(version);
        Optional<Read> read = read(grid, layout, lightOnDark, known);
        if (read.isEmpty() && version > 1) {
            read = read(fit.alignedToPatterns(grid, layout, lightOnDark), layout, lightOnDark, known);
        }
        if (read.isEmpty()) {
            ModuleGrid bent = fit.bentAlongTiming(grid, layout.size);
            read = read(bent, layout, lightOnDark, known);
            if (read.isEmpty() && version > 1) {
                read = read(fit.alignedToPatterns(bent, layout, lightOnDark), layout, lightOnDark, known);
            }
        }
        return read;
    }

    private Optional<Read> read(ModuleGrid grid, QrLayout layout, boolean lightOnDark, Optional<QrLayout.Format> known) {
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
    private double sample(ModuleGrid grid, double column, double row) {
        double sum = 0;
        for (double[] offset : OFFSETS) {
            double[] p = grid.toPicture(column + offset[0], row + offset[1]);
            sum += picture.at(p[0], p[1]);
        }
        return sum / OFFSETS.length;
    }

    private static final double[][] OFFSETS = {{0, 0}, {-0.2, 0}, {0.2, 0}, {0, -0.2}, {0, 0.2}};

    private static Point2D_F64 point(ModuleGrid grid, double column, double row) {
        double[] p = grid.toPicture(column, row);
        return new Point2D_F64(p[0], p[1]);
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
