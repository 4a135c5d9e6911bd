package org.devicelink.app.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Finds the text of a QR code in a picture (a screenshot, a photo of the TV). Plain ZXing with a second
 * binarizer when the first finds nothing; the QR issue makes it robust for camera frames.
 */
public final class QrImageReader {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.ALSO_INVERTED, Boolean.TRUE);

    private QrImageReader() {}

    public static Optional<String> read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a picture this app can open (PNG, JPEG, GIF or BMP)");
        }
        return read(image);
    }

    public static Optional<String> read(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        for (var bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)), new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return Optional.of(new QRCodeReader().decode(bitmap, HINTS).getText());
            } catch (NotFoundException e) {
                // try the next binarizer
            } catch (ReaderException e) {
                // found but unreadable: the next binarizer may see it better
            }
        }
        return Optional.empty();
    }
}
