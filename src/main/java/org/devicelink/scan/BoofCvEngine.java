package org.devicelink.scan;

import boofcv.abst.fiducial.QrCodePreciseDetector;
import boofcv.alg.fiducial.qrcode.PositionPatternNode;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.alg.fiducial.qrcode.QrCodeBinaryGridToPixel;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import georegression.struct.homography.Homography2D_F64;
import georegression.struct.point.Point2D_F64;
import java.util.List;
import java.util.Optional;

/**
 * The second engine: BoofCV finds codes that ZXing's finder-pattern search misses (glare, perspective, curvature,
 * high versions), and reads their modules through its own error correction. Its text decoding is not used: of 147
 * real photos it read, it turned 9 into another text (character sets guessed otherwise). The corrected data codewords
 * go to ZXing's text decoder instead, so a code reads to the same text whichever engine found it (0 different on the same photos).
 * One engine per thread: BoofCV's detector keeps its work images between calls.
 */
final class BoofCvEngine {

    private final QrCodePreciseDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
    private final GrayU8 image = new GrayU8(1, 1);

    /** A code BoofCV found: its text, and its four outer corners in the picture's pixels, in order round it. */
    record Code(String text, List<Point2D_F64> corners) {}

    /** The first code whose text ZXing's decoder accepts. */
    Optional<Code> read(byte[] grey, int width, int height) {
        image.reshape(width, height);
        System.arraycopy(grey, 0, image.data, 0, width * height);
        detector.process(image);
        for (QrCode qr : detector.getDetections()) {
            Optional<String> text = text(qr);
            if (text.isPresent()) {
                return Optional.of(new Code(text.get(), List.copyOf(qr.bounds.vertexes.toList())));
            }
        }
        // found, its format and version read, and past its error correction: read again with the unsure codewords erased
        var reader = new ErasureReader(new GreyPicture(grey, width, height));
        for (QrCode qr : detector.getFailures()) {
            if (qr.failureCause == QrCode.Failure.ERROR_CORRECTION) {
                // BoofCV's last try dropped the features it trusted least, which can leave a worse fit than its first
                for (Homography2D_F64 fit : List.of(qr.Hinv, everyFeature(qr))) {
                    Optional<ErasureReader.Read> read = reader.read(ModuleGrid.throughHomography(fit), qr.version, false, format(qr));
                    if (read.isPresent()) {
                        return Optional.of(new Code(read.get().text(), read.get().corners()));
                    }
                }
            }
        }
        return fromTwoFinders(reader);
    }

    /**
     * A code with one finder pattern lost (torn away, inked over, blown out by glare), which neither engine will look
     * for: each pair of the finder patterns BoofCV saw, of one size and lined up along a side or a diagonal, could be
     * two corners of a code. Each place the third could be, and each version the distance allows, is read with
     * erasures; the data is whole when only the finder is gone, and the lost corner's codewords read as unsure.
     */
    private Optional<Code> fromTwoFinders(ErasureReader reader) {
        var patterns = detector.getDetectPositionPatterns().getPositionPatterns();
        for (int i = 0; i < patterns.size && i < MAX_PATTERNS; i++) {
            for (int j = i + 1; j < patterns.size && j < MAX_PATTERNS; j++) {
                PositionPatternNode a = patterns.get(i);
                PositionPatternNode b = patterns.get(j);
                double moduleA = side(a) / 7;
                double moduleB = side(b) / 7;
                if (Math.abs(moduleA - moduleB) > 0.25 * Math.max(moduleA, moduleB)) {
                    continue;
                }
                for (var corners : ThirdFinder.places(a.center, b.center, angle(a), (moduleA + moduleB) / 2)) {
                    for (int version = corners.version() - 1; version <= corners.version() + 1; version++) {
                        int size = 17 + 4 * version;
                        Optional<ErasureReader.Read> read = version < 1 || version > 40 ? Optional.empty()
                                : reader.read(ModuleGrid.throughFinders(corners.points(), size), version, false, Optional.empty());
                        if (read.isPresent()) {
                            return Optional.of(new Code(read.get().text(), read.get().corners()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Finder patterns paired at most: a busy picture shows many squares, and a code's finders are among the first. */
    private static final int MAX_PATTERNS = 12;

    private static double side(PositionPatternNode node) {
        double sum = 0;
        for (double side : node.sideLengths) {
            sum += side;
        }
        return sum / node.sideLengths.length;
    }

    /** The direction of the square's first side, in radians. */
    private static double angle(PositionPatternNode node) {
        Point2D_F64 p0 = node.square.get(0);
        Point2D_F64 p1 = node.square.get(1);
        return Math.atan2(p1.y - p0.y, p1.x - p0.x);
    }

    /** The grid fitted to every feature BoofCV found (the finders' inner corners and the alignment patterns). */
    private static Homography2D_F64 everyFeature(QrCode qr) {
        var fit = new QrCodeBinaryGridToPixel();
        fit.addAllFeatures(qr);
        fit.removeOutsideCornerFeatures();
        fit.computeTransform();
        return fit.Hinv.copy();
    }

    /** The format BoofCV read: its level by name, its mask by the bits in the pattern's name ("M101"). */
    private static Optional<QrLayout.Format> format(QrCode qr) {
        if (qr.error == null || qr.mask == null) {
            return Optional.empty();
        }
        return Optional.of(new QrLayout.Format(ErrorCorrectionLevel.valueOf(qr.error.name()),
                Integer.parseInt(qr.mask.toString().substring(1), 2)));
    }

    /** ZXing's reading of BoofCV's corrected codewords, which BoofCV keeps least significant bit first. */
    private static Optional<String> text(QrCode qr) {
        if (qr.corrected == null || qr.version < 1 || qr.version > 40) {
            return Optional.empty();
        }
        byte[] codewords = new byte[qr.corrected.length];
        for (int i = 0; i < codewords.length; i++) {
            codewords[i] = (byte) (Integer.reverse(qr.corrected[i] & 0xff) >>> 24);
        }
        return QrText.of(codewords, Version.getVersionForNumber(qr.version), ErrorCorrectionLevel.valueOf(qr.error.name()));
    }
}
