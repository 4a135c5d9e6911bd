import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the DeviceLink icon (the pages' "DL" mark) in the sizes each OS wants and writes them into packaging/:
 * Linux hicolor PNGs, a Windows .ico and a macOS .icns (both holding PNGs). Run from the repository's top level:
 * {@code java packaging/icons/MakeIcons.java}. The files it writes are committed; run it again only to change the mark.
 */
public class MakeIcons {

    static final Color ACCENT = new Color(0x25, 0x63, 0xeb);

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path linux = Path.of("packaging/linux/icons");
        Files.createDirectories(linux);
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512}) {
            Files.write(linux.resolve(size + "x" + size + ".png"), png(size));
        }
        Files.write(Path.of("packaging/linux/DeviceLink.png"), png(256)); // the launcher's own icon in the app image
        Files.write(Path.of("packaging/windows/DeviceLink.ico"), ico(16, 24, 32, 48, 64, 128, 256));
        Files.write(Path.of("packaging/macos/DeviceLink.icns"), icns());
    }

    static byte[] png(int size) throws IOException {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int inset = Math.max(0, size / 16);
        int arc = size / 4;
        g.setColor(ACCENT);
        g.fillRoundRect(inset, inset, size - 2 * inset, size - 2 * inset, arc, arc);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (size * 0.42)));
        var metrics = g.getFontMetrics();
        String mark = "DL";
        g.drawString(mark, (size - metrics.stringWidth(mark)) / 2, (size - metrics.getHeight()) / 2 + metrics.getAscent());
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A Windows icon: a directory of PNG images (Vista and later read PNG entries). */
    static byte[] ico(int... sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(size));
        }
        int offset = 6 + 16 * sizes.length;
        var header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            header.put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) (sizes[i] >= 256 ? 0 : sizes[i]))
                    .put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                    .putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        var out = new ByteArrayOutputStream();
        out.write(header.array());
        for (byte[] image : images) {
            out.write(image);
        }
        return out.toByteArray();
    }

    /** A macOS icon family: PNG entries from 16 to 1024 pixels. */
    static byte[] icns() throws IOException {
        String[] types = {"icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {16, 32, 64, 128, 256, 512, 1024};
        var body = new ByteArrayOutputStream();
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(sizes[i]);
            body.write(types[i].getBytes(StandardCharsets.US_ASCII));
            body.write(ByteBuffer.allocate(4).putInt(image.length + 8).array());
            body.write(image);
        }
        var out = new ByteArrayOutputStream();
        out.write("icns".getBytes(StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(4).putInt(body.size() + 8).array());
        body.writeTo(out);
        return out.toByteArray();
    }
}
