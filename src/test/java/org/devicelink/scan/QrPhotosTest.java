package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.devicelink.testing.Inputs;
import org.junit.jupiter.api.Test;

/**
 * Real photos of QR codes (ZXing's black-box set, 179 pictures, in ../shared/qr-photos beside a checkout): how many
 * the decoder reads exactly, against plain ZXing, and that it never reads a wrong text. Skipped when the photos are
 * not there (a fresh clone has no ../shared).
 */
class QrPhotosTest {

    /** Photos read today, every way and as camera frames: a change that loses ground fails here. */
    private static final int FLOOR = 178;
    private static final int FLOOR_BY_CAMERA = 178;

    static Path photos() {
        return Path.of(System.getProperty("devicelink.qrPhotos", "../shared/qr-photos/zxing-blackbox"));
    }

    record Photo(Path image, String text) {}

    static List<Photo> all() throws Exception {
        var list = new ArrayList<Photo>();
        try (Stream<Path> files = Files.walk(photos())) {
            for (Path image : files.filter(p -> p.toString().matches(".*\\.(jpg|jpeg|png|gif)$")).sorted().toList()) {
                String name = image.getFileName().toString();
                Path text = image.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".txt");
                if (Files.exists(text)) {
                    list.add(new Photo(image, Files.readString(text, StandardCharsets.UTF_8)));
                }
            }
        }
        return list;
    }

    @Test
    void readsMoreRealPhotosThanPlainZxingAndNeverAWrongText() throws Exception {
        Inputs.require(Files.isDirectory(photos()), "no photos at " + photos().toAbsolutePath() + " (.ci/run provides them)");
        int exact = 0;
        int wrong = 0;
        int plain = 0;
        int byCamera = 0;
        var missed = new ArrayList<String>();
        long nanos = 0;
        List<Photo> all = all();
        for (Photo photo : all) {
            BufferedImage image = ImageIO.read(photo.image().toFile());
            long start = System.nanoTime();
            var found = QrDecoder.read(Picture.of(image).next().orElseThrow());
            nanos += System.nanoTime() - start;
            if (found.isPresent() && found.get().text().equals(photo.text())) {
                exact++;
            } else if (found.isPresent()) {
                wrong++;
                missed.add("WRONG " + photo.image());
            } else {
                missed.add(photos().relativize(photo.image()).toString());
            }
            if (plainZxing(image).equals(photo.text())) {
                plain++;
            }
            var seen = asCameraFrames(image);
            if (seen.isPresent() && seen.get().equals(photo.text())) {
                byCamera++;
            } else if (seen.isPresent()) {
                wrong++;
                missed.add("WRONG by camera " + photo.image());
            }
        }
        System.out.printf("QR photos: %d of %d read exactly (plain ZXing %d; as 1280x720 camera frames %d), %d wrong, "
                + "%.1f ms per photo on average%n", exact, all.size(), plain, byCamera, wrong, nanos / 1e6 / all.size());
        System.out.println("missed: " + missed);
        assertThat(all).hasSize(179);
        assertThat(wrong).isZero();
        assertThat(exact).isGreaterThanOrEqualTo(plain).isGreaterThanOrEqualTo(FLOOR);
        assertThat(byCamera).isGreaterThanOrEqualTo(FLOOR_BY_CAMERA);
    }

    /** What the camera dialog does with it: the photo as a camera frame (fitted into 1280x720), held still. */
    private static Optional<String> asCameraFrames(BufferedImage photo) {
        double fit = Math.min(1, Math.min(1280.0 / photo.getWidth(), 720.0 / photo.getHeight()));
        int w = (int) Math.round(photo.getWidth() * fit);
        int h = (int) Math.round(photo.getHeight() * fit);
        var frameImage = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = frameImage.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, w, h, null);
        g.dispose();
        var frame = Picture.of(frameImage).next().orElseThrow();
        var scanner = new QrDecoder.FrameScanner();
        for (int i = 0; i < QrDecoder.FrameScanner.turns(w, h); i++) {
            var found = scanner.read(frame);
            if (found.isPresent()) {
                return Optional.of(found.get().text());
            }
        }
        return Optional.empty();
    }

    private static String plainZxing(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        } catch (Exception e) {
            return "";
        }
    }
}
