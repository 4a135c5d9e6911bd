package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import org.devicelink.code.SeededRandom;
import org.devicelink.code.UserCode;
import org.junit.jupiter.api.Test;

/**
 * Decode rates per kind of camera damage on generated 1280x720 frames, seeded so every run sees the same pictures
 * (codes included). Each kind stands for a category of real photos; the harder kinds (from "strong perspective" on)
 * are made so that not every frame can be read. The floors are what the decoder reaches today, so a change that
 * loses ground fails here; a wrong text is never allowed.
 */
class QrDamageTest {

    static final int PER_KIND = 12;

    /**
     * One kind of damage, and the frames of it read every way (as a picture) and as a camera reads them (one look a
     * frame, in turn) that the decoder must not fall below.
     */
    record Kind(String name, long seed, double module, int noteLength, BiFunction<BufferedImage, Random, BufferedImage> damage,
                int floor, int floorByCamera) {}

    static final List<Kind> KINDS = List.of(
            new Kind("clean, small (2.5 px modules), any angle", 1, 2.5, 0, (f, r) -> f, 12, 12),
            new Kind("clean, frame-filling (14 px modules), any angle", 2, 14, 0, (f, r) -> f, 12, 12),
            new Kind("perspective", 3, 7, 0, (f, r) -> CameraDamage.perspective(f, 0.18, r), 12, 12),
            new Kind("blur", 4, 7, 0, (f, r) -> CameraDamage.blur(f, 2), 12, 12),
            new Kind("noise", 5, 6, 0, (f, r) -> CameraDamage.noise(f, 28, r), 12, 12),
            new Kind("low contrast", 6, 6, 0, (f, r) -> CameraDamage.lowContrast(f, 0.22), 12, 12),
            new Kind("glare", 7, 7, 0, CameraDamage::glare, 12, 12),
            new Kind("inverted", 8, 6, 0, (f, r) -> CameraDamage.invert(f), 12, 12),
            new Kind("photographed screen", 9, 8, 0, (f, r) -> CameraDamage.screenGrid(f, 3), 12, 12),
            new Kind("strong perspective", 10, 6, 0, (f, r) -> CameraDamage.perspective(f, 0.34, r), 9, 9),
            new Kind("curved", 11, 7, 0, (f, r) -> CameraDamage.curve(f, 260, 50), 12, 12),
            new Kind("heavy glare", 12, 7, 0, CameraDamage::heavyGlare, 12, 12),
            new Kind("bright spots", 13, 7, 0, CameraDamage::brightSpots, 11, 11),
            new Kind("shadow", 14, 7, 0, (f, r) -> CameraDamage.shadow(f, 0.2, r), 10, 10),
            new Kind("scratches", 15, 8, 0, (f, r) -> CameraDamage.scratches(f, 7, r), 10, 10),
            new Kind("motion blur", 16, 7, 0, (f, r) -> CameraDamage.motionBlur(f, 12), 11, 11),
            new Kind("defocus", 17, 6, 0, (f, r) -> CameraDamage.blur(f, 4), 12, 12),
            new Kind("JPEG at quality 0.05", 18, 2, 0, (f, r) -> CameraDamage.jpeg(f, 0.05f), 10, 10),
            new Kind("over-exposed", 19, 6, 0, (f, r) -> CameraDamage.exposure(f, 0.12, 222), 12, 12),
            new Kind("under-exposed", 20, 6, 0, (f, r) -> CameraDamage.noise(CameraDamage.exposure(f, 0.06, 3), 4, r), 12, 12),
            new Kind("high version (a 600-character text), 2.6 px modules", 21, 2.6, 560, (f, r) -> CameraDamage.blur(f, 1), 12, 12),
            new Kind("torn label (a third of it gone)", 22, 7, 0, (f, r) -> CameraDamage.torn(f, 0.55, r), 12, 12),
            new Kind("smudged (five grey blots)", 23, 7, 0, (f, r) -> CameraDamage.smudged(f, 5, r), 12, 12),
            new Kind("over-printed (a price sticker's words)", 24, 7, 0, CameraDamage::overPrinted, 11, 11),
            new Kind("glossy screen (a window reflected across it)", 25, 7, 0, CameraDamage::glossyScreen, 12, 12),
            new Kind("moiré (a screen grid near the module size)", 26, 4, 0, (f, r) -> CameraDamage.moire(f, 3), 12, 12),
            new Kind("version 25-40 in perspective, 2.8 px modules", 27, 2.8, 1700,
                    (f, r) -> CameraDamage.blur(CameraDamage.perspective(f, 0.1, r), 1), 9, 9),
            new Kind("bottle (bent, with a bright stripe)", 28, 6, 0, CameraDamage::bottle, 7, 7));

    /** Of {@code total} frames: read every way (a picture), and read as a camera would. */
    record Rate(int read, int wrong, int readByCamera, int total) {}

    private static Rate rate(Kind kind) {
        var random = new Random(kind.seed());
        int read = 0;
        int wrong = 0;
        int readByCamera = 0;
        for (int i = 0; i < PER_KIND; i++) {
            String text = "https://localhost:8443/link?code=" + UserCode.random(SeededRandom.of(kind.seed() * 1000 + i)).display();
            if (kind.noteLength() > 0) {
                text += "&note=" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).repeat(400).substring(0, kind.noteLength());
            }
            double degrees = random.nextDouble() * 360;
            var frame = kind.damage().apply(CameraDamage.frame(text, kind.module(), degrees, random), random);
            if (i == 0) {
                save(kind, frame);
            }
            var still = Picture.of(frame).next().orElseThrow();
            var found = QrDecoder.read(still);
            if (found.isPresent()) {
                if (found.get().text().equals(text)) {
                    read++;
                } else {
                    wrong++;
                }
            }
            // a camera held still on the same scene: as many frames as it takes to look every way
            var scanner = new QrDecoder.FrameScanner();
            Optional<QrDecoder.Found> seen = Optional.empty();
            for (int f = 0; f < QrDecoder.FrameScanner.turns(still.width(), still.height()) && seen.isEmpty(); f++) {
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

    /** One frame of each kind, to look at: does it look like a photo of that category? */
    private static void save(Kind kind, BufferedImage frame) {
        try {
            Path dir = Files.createDirectories(Path.of("target/screenshots/qr-damage"));
            ImageIO.write(frame, "png", dir.resolve(String.format("%02d-%s.png", kind.seed(),
                    kind.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", ""))).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void decodeRatesPerKindOfDamage() {
        // the kinds are independent and the decoder keeps no state between frames: both cores, half the wait
        List<Rate> rates = KINDS.parallelStream().map(QrDamageTest::rate).toList();
        for (int k = 0; k < KINDS.size(); k++) {
            Kind kind = KINDS.get(k);
            Rate rate = rates.get(k);
            System.out.printf("%-52s %2d/%d read, %2d/%d by camera, %d wrong%n", kind.name(), rate.read(), rate.total(),
                    rate.readByCamera(), rate.total(), rate.wrong());
            assertThat(rate.wrong()).as(kind.name() + ": wrong texts").isZero();
            assertThat(rate.read()).as(kind.name() + ", as a picture").isGreaterThanOrEqualTo(kind.floor());
            assertThat(rate.readByCamera()).as(kind.name() + ", by the camera path").isGreaterThanOrEqualTo(kind.floorByCamera());
        }
    }
}
