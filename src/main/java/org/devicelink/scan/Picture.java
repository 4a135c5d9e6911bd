package org.devicelink.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.devicelink.i18n.Messages;

/** One still picture (a file, a pasted screenshot) as a source of exactly one frame. */
public final class Picture implements FrameSource {

    private Frame frame;

    private Picture(Frame frame) {
        this.frame = frame;
    }

    public static Picture of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return new Picture(Frame.ofArgb(image.getRGB(0, 0, w, h, null, 0, w), w, h));
    }

    /** A frame already taken (a capture of the screen) kept as a picture. */
    public static Picture of(Frame frame) {
        return new Picture(frame);
    }

    public static Picture of(int[] argb, int width, int height) {
        return new Picture(Frame.ofArgb(argb, width, height));
    }

    /** PNG, JPEG, GIF or BMP; anything else is refused with a sentence that says so. */
    public static Picture file(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(Messages.get("scan.notAPicture"));
        }
        return of(image);
    }

    @Override
    public synchronized Optional<Frame> next() {
        Optional<Frame> once = Optional.ofNullable(frame);
        frame = null;
        return once;
    }

    @Override
    public void close() {
        // nothing held
    }
}
