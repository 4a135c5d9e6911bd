package org.devicelink.device;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** The QR a device shows for its {@code verification_uri_complete}: in a terminal, or as a PNG. */
public final class QrCode {

    /** The four-module margin the QR standard asks for: with two, about one code in 300 would not scan. */
    private static final int QUIET_ZONE = 4;
    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    /** Medium error correction: survives glare and a phone held at an angle while staying small enough for a TV. */
    public static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode this text as a QR code: " + e.getMessage(), e);
        }
    }

    /**
     * The code as Unicode half blocks, two module rows per text line. Light modules are drawn (as qrencode does),
     * which reads right on the usual dark terminal; {@code darkOnLight} draws the dark modules instead.
     */
    public String toTerminal(boolean darkOnLight) {
        var text = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y += 2) {
            for (int x = 0; x < modules.getWidth(); x++) {
                boolean top = drawn(x, y, darkOnLight);
                boolean bottom = y + 1 < modules.getHeight() ? drawn(x, y + 1, darkOnLight) : !darkOnLight;
                text.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private boolean drawn(int x, int y, boolean darkOnLight) {
        return modules.get(x, y) == darkOnLight;
    }

    /** A PNG with {@code scale} pixels per module, black on white. */
    public void writePng(Path file, int scale) throws IOException {
        var image = new BufferedImage(modules.getWidth() * scale, modules.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, modules.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer in this Java runtime");
        }
    }

    /** Whether the module at (x, y) is dark; the quiet zone is included in {@link #size()}. */
    public boolean dark(int x, int y) {
        return modules.get(x, y);
    }

    public int size() {
        return modules.getWidth();
    }
}
