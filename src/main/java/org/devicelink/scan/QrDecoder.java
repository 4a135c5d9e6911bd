package org.devicelink.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.detector.Detector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the text of a QR code in a picture: a screenshot, a photo of a TV, a camera frame. ZXing, tried the ways
 * that rescue real photos: the picture as it is and at other scales (a code that fills the frame reads better
 * smaller, a far-away one larger), with the local (hybrid) binarizer and then the global one for glare and uneven
 * light, normal and inverted. Where ZXing finds nothing, BoofCV looks (it finds codes under glare, perspective and
 * curvature that ZXing's finder search misses). Reed-Solomon error correction stands behind every answer, and ZXing
 * turns every engine's codewords into text, so a result is never a guess and reads the same whoever found it.
 */
public final class QrDecoder {

    /**
     * What was found: the text, and the code's four corners (top-left, top-right, bottom-right, bottom-left) in the
     * picture's own pixels, for an outline; no corners when the code was read as a pure barcode. The engine and the
     * look that found it are for measurements and {@code devicelink scan --json}.
     */
    public record Found(String text, List<Point> corners, Engine engine, String look) {}

    public enum Engine { ZXING, BOOFCV }

    public record Point(double x, double y) {}

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)); // no CHARACTER_SET: ZXing's guess reads Shift_JIS right
    private static final Map<DecodeHintType, Object> PURE = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
    private static final List<Function<LuminanceSource, Binarizer>> BINARIZERS = List.of(HybridBinarizer::new,
            GlobalHistogramBinarizer::new);

    private QrDecoder() {}

    public static Optional<Found> read(FrameSource.Frame frame) {
        return read(frame.grey(), frame.width(), frame.height());
    }

    /** Decodes an 8-bit grey picture, row by row ({@code width * height} bytes), every way there is. */
    public static Optional<Found> read(byte[] grey, int width, int height) {
        var boofCv = new BoofCvEngine();
        for (Look look : looks(width, height)) {
            Optional<Found> found = look.read(grey, width, height, boofCv);
            if (found.isPresent()) {
                return found;
            }
        }
        // a clean, upright code (a screenshot, a generated picture) can still trip the finder-pattern search when its
        // data happens to look like a finder; reading it as a pure barcode skips the search
        try {
            var source = new PlanarYUVLuminanceSource(grey, width, height, 0, 0, width, height, false);
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), PURE);
            return Optional.of(new Found(result.getText(), corners(result.getResultPoints(), 1.0), Engine.ZXING, "pure barcode"));
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    /**
     * Every QR in a still picture (a screen or a page may show several: an app-store code beside the device's), the
     * one {@link #read} finds first. Each code found is painted over and the picture read again, so every code gets
     * the whole pipeline (ZXing's multi-reader missed a small code beside a big one).
     */
    public static List<Found> readAll(FrameSource.Frame frame) {
        var codes = new ArrayList<Found>();
        var texts = new HashSet<String>();
        byte[] grey = frame.grey().clone();
        for (int i = 0; i < MAX_CODES; i++) {
            Optional<Found> found = read(grey, frame.width(), frame.height());
            if (found.isEmpty() || !texts.add(found.get().text())) {
                break;
            }
            codes.add(found.get());
            paintOver(grey, frame.width(), frame.height(), found.get().corners());
        }
        return List.copyOf(codes);
    }

    private static final int MAX_CODES = 4;

    /** Whites out a found code: the box round its corners, widened a little for the quiet zone. */
    private static void paintOver(byte[] grey, int width, int height, List<Point> corners) {
        double minX = corners.stream().mapToDouble(Point::x).min().orElse(0);
        double maxX = corners.stream().mapToDouble(Point::x).max().orElse(0);
        double minY = corners.stream().mapToDouble(Point::y).min().orElse(0);
        double maxY = corners.stream().mapToDouble(Point::y).max().orElse(0);
        double margin = 0.1 * Math.max(maxX - minX, maxY - minY);
        int x0 = (int) Math.max(0, minX - margin);
        int x1 = (int) Math.min(width, maxX + margin);
        int y0 = (int) Math.max(0, minY - margin);
        int y1 = (int) Math.min(height, maxY + margin);
        for (int y = y0; y < y1; y++) {
            Arrays.fill(grey, y * width + x0, y * width + x1, (byte) 0xff);
        }
    }

    /**
     * Reads a camera's frames within a frame's time: each frame gets one look, the next frame the next look, so a
     * 1280x720 frame costs at most a look's ~12 ms (p99 17.5 ms) rather than every look's ~88 ms, and a still scene
     * has been seen every way after 9 frames. One scanner per stream, with its own BoofCV engine; not thread-safe.
     */
    public static final class FrameScanner {
        private final BoofCvEngine boofCv = new BoofCvEngine();
        private int next;

        public Optional<Found> read(FrameSource.Frame frame) {
            List<Look> looks = looks(frame.width(), frame.height());
            return looks.get(next++ % looks.size()).read(frame.grey(), frame.width(), frame.height(), boofCv);
        }

        /** How many frames of a still scene it takes to have seen it every way. */
        public static int turns(int width, int height) {
            return looks(width, height).size();
        }
    }

    /** How a look treats the picture's grey before an engine reads it. */
    enum Tone {
        AS_IS(""), INVERTED(" inverted"), LOCAL_CONTRAST(" local contrast"), SHARPENED(" sharpened");

        private final String suffix;

        Tone(String suffix) {
            this.suffix = suffix;
        }

        /**
         * The picture in this tone; inversion is left to ZXing's luminance source. The neighbourhoods scale with the
         * picture: 16 px and 4 px for a 1280-px frame, where a device code's modules are 5 to 10 px.
         */
        byte[] apply(byte[] grey, int width, int height) {
            int longest = Math.max(width, height);
            return switch (this) {
                case AS_IS, INVERTED -> grey;
                case LOCAL_CONTRAST -> Tones.localContrast(grey, width, height, Math.max(4, longest / 80));
                case SHARPENED -> Tones.sharpened(grey, width, height, Math.max(2, longest / 320), 2.0);
            };
        }
    }

    /**
     * One way of looking at a picture: by an engine, at a scale, in a tone. ZXing looks with the local (hybrid)
     * binarizer and then the global one for glare and uneven light.
     */
    record Look(Engine engine, double scale, Tone tone) {

        Optional<Found> read(byte[] grey, int width, int height, BoofCvEngine boofCv) {
            int w = (int) Math.round(width * scale);
            int h = (int) Math.round(height * scale);
            byte[] pixels = tone.apply(scale == 1.0 ? grey : resize(grey, width, height, w, h), w, h);
            if (engine == Engine.BOOFCV) {
                return boofCv.read(pixels, w, h).map(code -> new Found(code.text(),
                        code.corners().stream().map(p -> new Point(p.x / scale, p.y / scale)).toList(), engine, name()));
            }
            LuminanceSource source = new PlanarYUVLuminanceSource(pixels, w, h, 0, 0, w, h, false);
            // QRCodeReader ignores ALSO_INVERTED (only MultiFormatReader honours it): light-on-dark is inverted here
            LuminanceSource toned = tone == Tone.INVERTED ? source.invert() : source;
            // a picture in local contrast or sharpened has no uneven light left for the global binarizer to rescue
            var binarizers = tone == Tone.AS_IS || tone == Tone.INVERTED ? BINARIZERS : BINARIZERS.subList(0, 1);
            for (var binarizer : binarizers) {
                var bitmap = new BinaryBitmap(binarizer.apply(toned));
                try {
                    Result result = new QRCodeReader().decode(bitmap, HINTS);
                    return Optional.of(new Found(result.getText(), corners(result.getResultPoints(), scale), engine, name()));
                } catch (ChecksumException | FormatException unreadable) {
                    Optional<Found> rescued = readAgainInGrey(bitmap, pixels, w, h);
                    if (rescued.isPresent()) {
                        return rescued;
                    }
                } catch (ReaderException notFound) {
                    // the next way may see it
                }
            }
            return Optional.empty();
        }

        /**
         * A code ZXing found but could not correct, read again from the grey picture with its unsure codewords erased
         * ({@link ErasureReader}), where ZXing's finders and alignment pattern put it.
         */
        private Optional<Found> readAgainInGrey(BinaryBitmap bitmap, byte[] pixels, int w, int h) {
            try {
                DetectorResult detected = new Detector(bitmap.getBlackMatrix()).detect(HINTS);
                int size = detected.getBits().getWidth();
                var reader = new ErasureReader(new GreyPicture(pixels, w, h));
                ModuleGrid grid = ModuleGrid.throughFinders(detected.getPoints(), size);
                return reader.read(grid, (size - 17) / 4, tone == Tone.INVERTED, Optional.empty())
                        .map(read -> new Found(read.text(), read.corners().stream()
                                .map(p -> new Point(p.x / scale, p.y / scale)).toList(), engine, name() + " erasures"));
            } catch (ReaderException e) {
                return Optional.empty();
            }
        }

        String name() {
            return String.format(Locale.ROOT, "%.2fx%s", scale, tone.suffix);
        }
    }

    /**
     * ZXing's looks: every scale as it is, then inverted, scale by scale, the commonest case first. Then BoofCV's, at
     * the scales that are not smaller: it found nothing more in smaller pictures, and read a wrong text in one (a
     * photo whose code says "photography" where its caption says "photograph"). Last, both engines on the picture in
     * local contrast and then sharpened, at its largest scale: dearer, and needed only by the hardest pictures.
     */
    static List<Look> looks(int width, int height) {
        var looks = new ArrayList<Look>();
        List<Double> scales = scales(width, height);
        for (double scale : scales) {
            looks.add(new Look(Engine.ZXING, scale, Tone.AS_IS));
            looks.add(new Look(Engine.ZXING, scale, Tone.INVERTED));
        }
        for (double scale : scales) {
            if (scale >= 1) {
                looks.add(new Look(Engine.BOOFCV, scale, Tone.AS_IS));
            }
        }
        double toned = Math.min(1, 800.0 / Math.max(width, height));
        for (Tone tone : List.of(Tone.LOCAL_CONTRAST, Tone.SHARPENED)) {
            looks.add(new Look(Engine.ZXING, toned, tone));
            looks.add(new Look(Engine.BOOFCV, toned, tone));
        }
        return List.copyOf(looks);
    }

    /**
     * The picture itself first; then smaller for big pictures (large modules, moiré) and larger for small ones: twice,
     * and three times for a tiny cut-out (a thumbnail's QR with 1.4-px modules read 14 of 20 without it, 20 with).
     */
    static List<Double> scales(int width, int height) {
        int longest = Math.max(width, height);
        var scales = new ArrayList<Double>(List.of(1.0));
        if (longest > 800) {
            scales.add(800.0 / longest);
        }
        if (longest > 1600) {
            scales.add(400.0 / longest);
        }
        if (longest < 480) {
            scales.add(2.0);
        }
        if (longest < 240) {
            scales.add(3.0);
        }
        return scales;
    }

    /**
     * The code's four outer corners, estimated from what ZXing gives: the centres of the finder patterns (bottom-left,
     * top-left, top-right), which sit 3.5 modules inside the edges: for the 25-33-module codes of device links, the
     * code is about 1.3 times the square through the centres. Empty for a pure-barcode read, which gives no points.
     */
    private static List<Point> corners(ResultPoint[] points, double scale) {
        if (points == null || points.length < 3) {
            return List.of();
        }
        ResultPoint bottomLeft = points[0];
        ResultPoint topLeft = points[1];
        ResultPoint topRight = points[2];
        double[][] square = {
                {topLeft.getX(), topLeft.getY()},
                {topRight.getX(), topRight.getY()},
                {topRight.getX() + bottomLeft.getX() - topLeft.getX(), topRight.getY() + bottomLeft.getY() - topLeft.getY()},
                {bottomLeft.getX(), bottomLeft.getY()}};
        double cx = (square[0][0] + square[2][0]) / 2;
        double cy = (square[0][1] + square[2][1]) / 2;
        var corners = new ArrayList<Point>();
        for (double[] c : square) {
            corners.add(new Point((cx + (c[0] - cx) * CENTRES_TO_EDGES) / scale, (cy + (c[1] - cy) * CENTRES_TO_EDGES) / scale));
        }
        return List.copyOf(corners);
    }

    private static final double CENTRES_TO_EDGES = 1.3;

    /** Area-average when shrinking (no aliasing into moiré), bilinear when growing. */
    static byte[] resize(byte[] src, int sw, int sh, int dw, int dh) {
        var dst = new byte[dw * dh];
        double sx = (double) sw / dw;
        double sy = (double) sh / dh;
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int value;
                if (sx >= 1 && sy >= 1) {
                    int x0 = (int) (x * sx);
                    int y0 = (int) (y * sy);
                    int x1 = Math.min(sw, (int) Math.ceil((x + 1) * sx));
                    int y1 = Math.min(sh, (int) Math.ceil((y + 1) * sy));
                    int sum = 0;
                    int n = 0;
                    for (int yy = y0; yy < y1; yy++) {
                        for (int xx = x0; xx < x1; xx++) {
                            sum += src[yy * sw + xx] & 0xff;
                            n++;
                        }
                    }
                    value = n == 0 ? 255 : sum / n;
                } else {
                    double fx = Math.min(sw - 1.0, (x + 0.5) * sx - 0.5);
                    double fy = Math.min(sh - 1.0, (y + 0.5) * sy - 0.5);
                    int x0 = Math.max(0, (int) fx);
                    int y0 = Math.max(0, (int) fy);
                    int x1 = Math.min(sw - 1, x0 + 1);
                    int y1 = Math.min(sh - 1, y0 + 1);
                    double ax = Math.max(0, fx - x0);
                    double ay = Math.max(0, fy - y0);
                    double top = (src[y0 * sw + x0] & 0xff) * (1 - ax) + (src[y0 * sw + x1] & 0xff) * ax;
                    double bottom = (src[y1 * sw + x0] & 0xff) * (1 - ax) + (src[y1 * sw + x1] & 0xff) * ax;
                    value = (int) Math.round(top * (1 - ay) + bottom * ay);
                }
                dst[y * dw + x] = (byte) value;
            }
        }
        return dst;
    }
}
