package org.devicelink.app.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Real photos of QR codes (ZXing's black-box set, 179 pictures, in ../shared/qr-photos beside a checkout): how many
 * the decoder reads exactly, against plain ZXing, and that it never reads a wrong text. Skipped when the photos are
 * not there (a fresh clone has no ../shared).
 */
class QrPhotosTest {

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
        assumeTrue(Files.isDirectory(photos()), "no ../shared/qr-photos here");
        int exact = 0;
        int wrong = 0;
        int plain = 0;
        var missed = new ArrayList<String>();
        long nanos = 0;
        List<Photo> all = all();
        for (Photo photo : all) {
            BufferedImage image = ImageIO.read(photo.image().toFile());
            long start = System.nanoTime();
            var found = QrDecoder.read(image);
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
        }
        System.out.printf("QR photos: %d of %d read exactly (plain ZXing %d), %d wrong, %.1f ms per photo on average%n",
                exact, all.size(), plain, wrong, nanos / 1e6 / all.size());
        System.out.println("missed: " + missed);
        assertThat(all).hasSize(179);
        assertThat(wrong).isZero();
        assertThat(exact).isGreaterThanOrEqualTo(plain).isGreaterThanOrEqualTo(162);
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
