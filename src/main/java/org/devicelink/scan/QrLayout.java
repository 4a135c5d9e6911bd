package org.devicelink.scan;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things sit in a QR code of one version (ISO/IEC 18004): the function patterns, the data modules in the
 * order they carry codewords, the two copies of the format information, the masks, and how the codewords interleave
 * into Reed-Solomon blocks. Modules are indexed {@code row * size + column}.
 */
final class QrLayout {

    final Version version;
    final int size;
    /** Each codeword's eight modules, most significant bit first, in the order the symbol carries them. */
    final int[][] codewords;

    private QrLayout(Version version) {
        this.version = version;
        this.size = version.getDimensionForVersion();
        boolean[] function = functionPatterns();
        var order = new ArrayList<Integer>();
        boolean up = true;
        for (int column = size - 1; column > 0; column -= 2) {
            if (column == 6) {
                column--; // the vertical timing pattern
            }
            for (int count = 0; count < size; count++) {
                int row = up ? size - 1 - count : count;
                for (int c = 0; c < 2; c++) {
                    int module = row * size + column - c;
                    if (!function[module]) {
                        order.add(module);
                    }
                }
            }
            up = !up;
        }
        codewords = new int[version.getTotalCodewords()][8];
        for (int i = 0; i < codewords.length * 8; i++) {
            codewords[i / 8][i % 8] = order.get(i); // what is left over are remainder bits
        }
    }

    static QrLayout of(int version) {
        return new QrLayout(Version.getVersionForNumber(version));
    }

    private boolean[] functionPatterns() {
        var function = new boolean[size * size];
        region(function, 0, 0, 9, 9); // finder, separator and format, top left
        region(function, size - 8, 0, 8, 9); // top right
        region(function, 0, size - 8, 9, 8); // bottom left, with the dark module
        int[] centres = version.getAlignmentPatternCenters();
        for (int i = 0; i < centres.length; i++) {
            for (int j = 0; j < centres.length; j++) {
                boolean onFinder = i == 0 && (j == 0 || j == centres.length - 1) || i == centres.length - 1 && j == 0;
                if (!onFinder) {
                    region(function, centres[i] - 2, centres[j] - 2, 5, 5);
                }
            }
        }
        region(function, 6, 9, 1, size - 17); // timing
        region(function, 9, 6, size - 17, 1);
        if (version.getVersionNumber() > 6) {
            region(function, size - 11, 0, 3, 6); // version information
            region(function, 0, size - 11, 6, 3);
        }
        return function;
    }

    private void region(boolean[] function, int left, int top, int width, int height) {
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                function[y * size + x] = true;
            }
        }
    }

    /** The first copy of the format information's 15 bits, most significant first, as (column, row). */
    int[] formatCopy1() {
        var modules = new ArrayList<Integer>();
        for (int i = 0; i < 6; i++) {
            modules.add(at(i, 8));
        }
        modules.add(at(7, 8));
        modules.add(at(8, 8));
        modules.add(at(8, 7));
        for (int j = 5; j >= 0; j--) {
            modules.add(at(8, j));
        }
        return modules.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The second copy, split between the bottom-left and top-right finders. */
    int[] formatCopy2() {
        var modules = new ArrayList<Integer>();
        for (int j = size - 1; j >= size - 7; j--) {
            modules.add(at(8, j));
        }
        for (int i = size - 8; i < size; i++) {
            modules.add(at(i, 8));
        }
        return modules.stream().mapToInt(Integer::intValue).toArray();
    }

    private int at(int column, int row) {
        return row * size + column;
    }

    /** Whether mask {@code mask} flips the module at {@code row}, {@code column}. */
    static boolean masked(int mask, int row, int column) {
        return switch (mask) {
            case 0 -> (row + column) % 2 == 0;
            case 1 -> row % 2 == 0;
            case 2 -> column % 3 == 0;
            case 3 -> (row + column) % 3 == 0;
            case 4 -> (row / 2 + column / 3) % 2 == 0;
            case 5 -> row * column % 6 == 0;
            case 6 -> row * column % 6 < 3;
            default -> (row + column + row * column % 3) % 2 == 0;
        };
    }

    /** A level and mask, as the format information carries them. */
    record Format(ErrorCorrectionLevel level, int mask) {

        /** The 15 bits this format is written as: BCH(15,5) and then the standard's mask, so never all zero. */
        int bits() {
            int data = level.getBits() << 3 | mask;
            int remainder = data << 10;
            for (int bit = 14; bit >= 10; bit--) {
                if ((remainder >> bit & 1) != 0) {
                    remainder ^= 0x537 << bit - 10;
                }
            }
            return (data << 10 | remainder) ^ 0x5412;
        }

        static List<Format> all() {
            var all = new ArrayList<Format>();
            for (ErrorCorrectionLevel level : ErrorCorrectionLevel.values()) {
                for (int mask = 0; mask < 8; mask++) {
                    all.add(new Format(level, mask));
                }
            }
            return List.copyOf(all);
        }
    }

    /** One Reed-Solomon block: where its symbols sit among the codewords, and how many of them are data. */
    record Block(int[] codewords, int data) {}

    /** The blocks, their symbols de-interleaved as the standard writes them (data round-robin, then checks). */
    List<Block> blocks(ErrorCorrectionLevel level) {
        Version.ECBlocks ecBlocks = version.getECBlocksForLevel(level);
        int checks = ecBlocks.getECCodewordsPerBlock();
        var dataSizes = new ArrayList<Integer>();
        for (Version.ECB group : ecBlocks.getECBlocks()) {
            for (int i = 0; i < group.getCount(); i++) {
                dataSizes.add(group.getDataCodewords());
            }
        }
        int count = dataSizes.size();
        int[][] symbols = new int[count][];
        for (int b = 0; b < count; b++) {
            symbols[b] = new int[dataSizes.get(b) + checks];
        }
        int longest = dataSizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int next = 0;
        for (int i = 0; i < longest; i++) {
            for (int b = 0; b < count; b++) {
                if (i < dataSizes.get(b)) {
                    symbols[b][i] = next++;
                }
            }
        }
        for (int i = 0; i < checks; i++) {
            for (int b = 0; b < count; b++) {
                symbols[b][dataSizes.get(b) + i] = next++;
            }
        }
        var blocks = new ArrayList<Block>();
        for (int b = 0; b < count; b++) {
            blocks.add(new Block(symbols[b], dataSizes.get(b)));
        }
        return List.copyOf(blocks);
    }

    /**
     * Check symbols a block keeps back from correction so that a misread is found rather than corrected into another
     * text: the standard's misdecode protection for the smallest codes (its table 9).
     */
    int protection(ErrorCorrectionLevel level) {
        return switch (version.getVersionNumber()) {
            case 1 -> level == ErrorCorrectionLevel.L ? 3 : level == ErrorCorrectionLevel.M ? 2 : 1;
            case 2 -> level == ErrorCorrectionLevel.L ? 2 : 0;
            case 3 -> level == ErrorCorrectionLevel.L ? 1 : 0;
            default -> 0;
        };
    }
}
