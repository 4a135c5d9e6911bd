package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;

/** A short video made here, read through the camera source, decodes to the right code: the stand-in for a webcam. */
public class VideoSourceTest {

    public static final String LINK = "https://localhost:8443/link?code=WDJB-MJHT";

    @TempDir
    Path dir;

    /** Writes an MJPEG .avi: some frames of an empty room, then the QR coming into view, damaged like a webcam's. */
    public static Path video(Path file) {
        return video(file, LINK);
    }

    /** The same with the QR of {@code text}, or with no QR at all (null): a camera pointed at nothing. */
    public static Path video(Path file, String text) {
        boolean withQr = text != null;
        OpenCvSource.load();
        var writer = new VideoWriter(file.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), 15,
                new Size(CameraDamage.WIDTH, CameraDamage.HEIGHT), true);
        assertThat(writer.isOpened()).as("OpenCV can write MJPEG here").isTrue();
        var random = new Random(11);
        for (int i = 0; i < 12; i++) {
            BufferedImage picture = i < 6 || !withQr
                    ? CameraDamage.noise(emptyRoom(), 12, random)
                    : CameraDamage.blur(CameraDamage.frame(text, 6, 10 + i, random), 1);
            writer.write(toMat(picture));
        }
        writer.release();
        return file;
    }

    /** A dim grey room with nothing to scan in it. */
    static BufferedImage emptyRoom() {
        var room = new BufferedImage(CameraDamage.WIDTH, CameraDamage.HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = room.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(70, 74, 80), CameraDamage.WIDTH, CameraDamage.HEIGHT,
                new Color(130, 126, 118)));
        g.fillRect(0, 0, CameraDamage.WIDTH, CameraDamage.HEIGHT);
        g.dispose();
        return room;
    }

    static Mat toMat(BufferedImage image) {
        var mat = new Mat(image.getHeight(), image.getWidth(), CvType.CV_8UC3);
        var bytes = new byte[image.getWidth() * image.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                bytes[i++] = (byte) p;          // B
                bytes[i++] = (byte) (p >> 8);   // G
                bytes[i++] = (byte) (p >> 16);  // R
            }
        }
        mat.put(0, 0, bytes);
        return mat;
    }

    @Test
    void aVideoReadThroughTheCameraSourceDecodesToTheCode() throws Exception {
        Path avi = video(dir.resolve("webcam.avi"));
        int frames = 0;
        Optional<QrDecoder.Found> found = Optional.empty();
        var scanner = new QrDecoder.FrameScanner(); // what the camera dialog reads frames with
        try (var source = OpenCvSource.file(avi)) {
            for (var frame = source.next(); frame.isPresent() && found.isEmpty(); frame = source.next()) {
                frames++;
                assertThat(frame.get().width()).isEqualTo(CameraDamage.WIDTH);
                assertThat(frame.get().bgra()).as("colour for the preview").hasSize(CameraDamage.WIDTH * CameraDamage.HEIGHT * 4);
                found = scanner.read(frame.get());
            }
        }
        assertThat(found).map(QrDecoder.Found::text).contains(LINK);
        assertThat(frames).as("the empty room comes first").isGreaterThan(6);
        assertThat(found.get().corners()).hasSize(4);
    }

    @Test
    void aMissingOrBrokenVideoSaysSo() throws Exception {
        assertThatThrownBy(() -> OpenCvSource.file(dir.resolve("nothing.avi"))).hasMessageContaining("There is no video");
        Path junk = dir.resolve("junk.avi");
        Files.writeString(junk, "not a video");
        assertThatThrownBy(() -> OpenCvSource.file(junk)).hasMessageContaining("cannot be read");
    }

    @Test
    void aCameraThatDoesNotOpenIsExplainedAsPreciselyAsTheSystemAllows() throws Exception {
        Path node = dir.resolve("video7"); // stands in for /dev/video7
        Files.createFile(node);
        assertThat(OpenCvSource.whyNotOpened(node, "HD Webcam C920")).contains("\"HD Webcam C920\" could not be opened")
                .contains("privacy settings");
        // a node this user may not read (root reads any file, so the answer to "may I?" is given here rather than made)
        assertThat(OpenCvSource.whyNotOpened(true, "HD Webcam C920")).contains("may not use the camera").contains("video group");
        assertThat(OpenCvSource.whyNotOpened(false, "HD Webcam C920")).contains("could not be opened");
    }

    @Test
    void aCameraThatStopsSendingPicturesWasUnpluggedAndOneThatNeverSendsIsBusy() throws Exception {
        Path avi = video(dir.resolve("then-unplugged.avi"), null);
        try (var camera = OpenCvSource.cameraStandIn(avi, "HD Webcam C920")) {
            for (int i = 0; i < 12; i++) {
                assertThat(camera.next()).as("frame " + i).isPresent();
            }
            assertThatThrownBy(camera::next).isInstanceOf(FrameSource.ScanFailure.class)
                    .hasMessage("The camera \"HD Webcam C920\" stopped sending pictures. Was it unplugged? Plug it in and scan again.");
        }
        // a camera another app holds opens, then gives no picture: a video whose pictures cannot be decoded does the same
        Path busy = dir.resolve("busy.avi");
        OpenCvSource.load();
        var writer = new VideoWriter(busy.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), 15, new Size(64, 48), true);
        writer.write(toMat(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB)));
        writer.release();
        byte[] bytes = Files.readAllBytes(busy);
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0xFF && (bytes[i + 1] & 0xff) == 0xD8) { // a JPEG's start: wipe the picture
                Arrays.fill(bytes, i, Math.min(bytes.length, i + 300), (byte) 0);
            }
        }
        Files.write(busy, bytes);
        try (var camera = OpenCvSource.cameraStandIn(busy, "HD Webcam C920")) {
            assertThatThrownBy(camera::next).isInstanceOf(FrameSource.ScanFailure.class)
                    .hasMessage("The camera \"HD Webcam C920\" gives no picture: another app (a video call?) is probably using it. "
                            + "Close that app and scan again.");
        }
    }

    @Test
    void aFullHdCameraIsBroughtTo1280WideSoAFrameStaysWithinItsTime() throws Exception {
        Path avi = dir.resolve("full-hd.avi");
        OpenCvSource.load();
        var writer = new VideoWriter(avi.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), 15, new Size(1920, 1080), true);
        var big = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        var g = big.createGraphics();
        g.drawImage(CameraDamage.frame(LINK, 8, 5, new Random(3)), 0, 0, 1920, 1080, null);
        g.dispose();
        for (int i = 0; i < 3; i++) {
            writer.write(toMat(big));
        }
        writer.release();
        try (var source = OpenCvSource.file(avi)) {
            var frame = source.next().orElseThrow();
            assertThat(frame.width()).isEqualTo(1280);
            assertThat(frame.height()).isEqualTo(720);
            assertThat(QrDecoder.read(frame)).map(QrDecoder.Found::text).contains(LINK);
        }
    }
}
