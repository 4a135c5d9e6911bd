package org.devicelink.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import org.devicelink.code.SeededRandom;
import org.devicelink.code.UserCode;
import org.junit.jupiter.api.Test;

/**
 * Decode rates per kind of camera damage on generated 1280x720 frames, seeded so every run sees the same pictures
 * (codes included). The floors are what the decoder reaches today, so a change that loses ground fails here; a wrong
 * text is never allowed.
 */
class QrDamageTest {

    static final int PER_KIND = 12;

    /** Of {@code total} frames: read every way (a picture), and read as a camera would (one look a frame, in turn). */
    record Rate(int read, int wrong, int readByCamera, int total) {}

    private static Rate rate(long seed, BiFunction<BufferedImage, Random, BufferedImage> damage, double module) {
        var random = new Random(seed);
        int read = 0;
        int wrong = 0;
        int readByCamera = 0;
        for (int i = 0; i < PER_KIND; i++) {
            String text = "https://localhost:8443/link?code=" + UserCode.random(SeededRandom.of(seed * 1000 + i)).display();
            double degrees = random.nextDouble() * 360;
            var frame = damage.apply(CameraDamage.frame(text, module, degrees, random), random);
            var still = Picture.of(frame).next().orElseThrow();
            var found = QrDecoder.read(still);
            if (found.isPresent()) {
                if (found.get().text().equals(text)) {
                    read++;
                } else {
                    wrong++;
                }
            }
            // a camera held still on the same scene: as many frames as there are looks
            var scanner = new QrDecoder.FrameScanner();
            Optional<QrDecoder.Found> seen = Optional.empty();
            for (int f = 0; f < QrDecoder.looks(still.width(), still.height()).size() && seen.isEmpty(); f++) {
                seen = scanner.read(still);
            }
            if (seen.isPresent()) {
                if (seen.get().text().equals(text)) {
                    readByCamera++;
                } else {
                    wrong++;
                }
            }
        }
        return new Rate(read, wrong, readByCamera, PER_KIND);
    }

    @Test
    void decodeRatesPerKindOfDamage() {
        Map<String, Rate> rates = new LinkedHashMap<>();
        rates.put("clean, small (2.5 px modules), any angle", rate(1, (f, r) -> f, 2.5));
        rates.put("clean, frame-filling (14 px modules), any angle", rate(2, (f, r) -> f, 14));
        rates.put("perspective", rate(3, (f, r) -> CameraDamage.perspective(f, 0.18, r), 7));
        rates.put("blur", rate(4, (f, r) -> CameraDamage.blur(f, 2), 7));
        rates.put("noise", rate(5, (f, r) -> CameraDamage.noise(f, 28, r), 6));
        rates.put("low contrast", rate(6, (f, r) -> CameraDamage.lowContrast(f, 0.22), 6));
        rates.put("glare", rate(7, CameraDamage::glare, 7));
        rates.put("inverted", rate(8, (f, r) -> CameraDamage.invert(f), 6));
        rates.put("photographed screen", rate(9, (f, r) -> CameraDamage.screenGrid(f, 3), 8));
        rates.forEach((kind, rate) -> System.out.printf("%-50s %2d/%d read, %2d/%d by camera, %d wrong%n", kind, rate.read(),
                rate.total(), rate.readByCamera(), rate.total(), rate.wrong()));

        assertThat(rates.values()).allSatisfy(rate -> assertThat(rate.wrong()).isZero());
        // the frames are the same on every run, and every kind reads them all today: one lost is a regression
        rates.forEach((kind, rate) -> {
            assertThat(rate.read()).as(kind + ", as a picture").isEqualTo(PER_KIND);
            assertThat(rate.readByCamera()).as(kind + ", by the camera path").isEqualTo(PER_KIND);
        });
    }
}
