package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.devicelink.device.QrCode;
import org.devicelink.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The camera's frame loop without a window: what it reads, what it says, and that it stops at the first code. */
class CameraSessionTest {

    static final String LINK = "https://link.example.org/link?code=WDJB-MJHT";

    @TempDir
    Path dir;

    /** What a session said, in order: status sentences, and "found: <text>". */
    final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    final CameraSession.Listener listener = new CameraSession.Listener() {
        @Override
        public void status(String sentence) {
            heard.add(sentence);
        }

        @Override
        public void found(QrDecoder.Found found, FrameSource.Frame frame) {
            heard.add("found: " + found.text() + " in a " + frame.width() + "x" + frame.height() + " frame");
        }
    };

    String next() throws InterruptedException {
        String said = heard.poll(20, TimeUnit.SECONDS);
        assertThat(said).as("the session said something").isNotNull();
        return said;
    }

    @Test
    void aCodeInFrontOfTheCameraIsFoundAndTheSessionStops() throws Exception {
        Path png = dir.resolve("qr.png");
        QrCode.of(LINK).writePng(png, 6);
        var session = CameraSession.start(new Camera("Desk camera", () -> Picture.file(png)), listener);
        assertThat(next()).isEqualTo(Messages.get("camera.hint"));
        // the picture is the camera's only frame: its last frame is still read, and "ended" is never said after a code
        assertThat(next()).isEqualTo("found: " + LINK + " in a " + (QrCode.of(LINK).size() * 6) + "x" + (QrCode.of(LINK).size() * 6)
                + " frame");
        assertThat(session.running()).as("a code ends the session").isFalse();
        assertThat(heard).isEmpty();
    }

    @Test
    void aCameraThatShowsNoCodeSaysItsFramesEndedAndFindsNothing() throws Exception {
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        var session = CameraSession.start(new Camera("Desk camera", () -> Picture.file(blank)), listener);
        assertThat(next()).isEqualTo(Messages.get("camera.hint"));
        assertThat(next()).isEqualTo(Messages.get("camera.ended"));
        session.stop();
        assertThat(heard).as("no code was made up").isEmpty();
    }

    @Test
    void aCameraThatCannotOpenSaysWhyInItsOwnWords() throws Exception {
        CameraSession.start(new Camera("Busy camera", () -> {
            throw new FrameSource.ScanFailure("The camera is in use by another program.");
        }), listener);
        assertThat(next()).isEqualTo("The camera is in use by another program.");
    }
}
