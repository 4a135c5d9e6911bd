package org.devicelink.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodeTest {

    static final String LINK = "https://localhost:8443/link?code=WDJB-MJHT";

    @Test
    void thePngDecodesToTheLink(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("qr.png");
        QrCode.of(LINK).writePng(png, 6);
        assertThat(decode(ImageIO.read(png.toFile()))).isEqualTo(LINK);
    }

    @Test
    void theTerminalDrawingDecodesToTheLinkOnEitherBackground() throws Exception {
        for (boolean darkOnLight : new boolean[] {true, false}) {
            String drawing = QrCode.of(LINK).toTerminal(darkOnLight);
            assertThat(decode(render(drawing, darkOnLight))).as("darkOnLight=" + darkOnLight).isEqualTo(LINK);
        }
    }

    /** Paints the half-block text the way a terminal would: drawn cells in the foreground colour. */
    private static BufferedImage render(String drawing, boolean darkOnLight) {
        String[] lines = drawing.split("\n");
        int scale = 4;
        int width = lines[0].length();
        int background = darkOnLight ? 0xFFFFFF : 0x000000;
        int foreground = darkOnLight ? 0x000000 : 0xFFFFFF;
        // a margin of the terminal's background around the drawing, as on a screen
        int margin = 4 * scale;
        var image = new BufferedImage(width * scale + 2 * margin, lines.length * 2 * scale + 2 * margin, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, background);
            }
        }
        for (int row = 0; row < lines.length; row++) {
            for (int col = 0; col < lines[row].length(); col++) {
                char c = lines[row].charAt(col);
                boolean top = c == '█' || c == '▀';
                boolean bottom = c == '█' || c == '▄';
                for (int dy = 0; dy < 2 * scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        boolean drawn = dy < scale ? top : bottom;
                        image.setRGB(margin + col * scale + dx, margin + row * 2 * scale + dy, drawn ? foreground : background);
                    }
                }
            }
        }
        return image;
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
