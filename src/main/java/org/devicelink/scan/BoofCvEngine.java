package org.devicelink.scan;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
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

    private final QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
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
        var reader = new ErasureReader(grey, width, height);
        for (QrCode qr : detector.getFailures()) {
            if (qr.failureCause == QrCode.Failure.ERROR_CORRECTION) {
                Optional<ErasureReader.Read> read = reader.read(grid(qr.Hinv), qr.version, false, format(qr));
                if (read.isPresent()) {
                    return Optional.of(new Code(read.get().text(), read.get().corners().stream()
                            .map(p -> new Point2D_F64(p.x(), p.y())).toList()));
                }
            }
        }
        return Optional.empty();
    }

    /** BoofCV's grid-to-picture homography, which takes (column, row) in modules. */
    private static ErasureReader.Grid grid(Homography2D_F64 h) {
        Homography2D_F64 copy = h.copy();
        return (column, row) -> {
            double z = copy.a31 * column + copy.a32 * row + copy.a33;
            return new double[] {(copy.a11 * column + copy.a12 * row + copy.a13) / z, (copy.a21 * column + copy.a22 * row + copy.a23) / z};
        };
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
