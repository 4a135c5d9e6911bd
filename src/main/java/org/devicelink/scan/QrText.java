package org.devicelink.scan;

import com.google.zxing.common.DecoderResult;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Optional;

/**
 * The text in a QR's corrected data codewords, read by ZXing's own rules whichever engine found the code, so that a
 * code reads to the same text however it was found (character sets above all).
 */
final class QrText {

    private QrText() {}

    /** The text, or empty when the codewords do not spell one. */
    static Optional<String> of(byte[] data, Version version, ErrorCorrectionLevel level) {
        try {
            var result = (DecoderResult) DECODE_TEXT.invoke(data, version, level, (Map<?, ?>) null);
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
