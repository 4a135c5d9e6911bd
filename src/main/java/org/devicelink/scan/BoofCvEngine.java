package org.devicelink.scan;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import georegression.struct.point.Point2D_F64;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
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
        return Optional.empty();
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
        try {
            var result = (DecoderResult) DECODE_TEXT.invoke(codewords, Version.getVersionForNumber(qr.version),
                    ErrorCorrectionLevel.valueOf(qr.error.name()), (Map<?, ?>) null);
            return Optional.ofNullable(result.getText());
        } catch (Throwable notText) { // FormatException: the codewords do not spell a text
            return Optional.empty();
        }
    }

    /** ZXing's {@code DecodedBitStreamParser.decode}: package-private, and the one place its text rules live. */
    private static final MethodHandle DECODE_TEXT = decodeText();

    private static MethodHandle decodeText() {
        try {
            Class<?> parser = Class.forName("com.google.zxing.qrcode.decoder.DecodedBitStreamParser");
            var method = parser.getDeclaredMethod("decode", byte[].class, Version.class, ErrorCorrectionLevel.class, Map.class);
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(
                    Object.class, byte[].class, Version.class, ErrorCorrectionLevel.class, Map.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this ZXing has no DecodedBitStreamParser.decode: check its version", e);
        }
    }
}
