package org.devicelink.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javax.imageio.ImageIO;
import org.devicelink.device.QrCode;
import org.devicelink.scan.FrameSource;
import org.devicelink.scan.QrDecoder;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.Inputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "Scan from screen" against a real X server: Xvfb started here, JavaFX on its GTK platform, a window showing a QR,
 * and the screen source capturing it through the JavaFX robot. Monocle's headless robot cannot capture, so this runs
 * in its own surefire execution (tag {@code real-display}, DISPLAY set by the pom); it skips where Xvfb is missing.
 */
@Tag("real-display")
class ScreenSourceTest {

    private static final String LINK = "https://localhost:8443/link?code=WDJB-MJHT";
    private static Stage window;

    @BeforeAll
    static void showAQrOnARealDisplay() throws Exception {
        String display = System.getenv("DISPLAY");
        Inputs.require(display != null && display.startsWith(":"), "no X display: the pom sets DISPLAY for this test's own execution");
        Inputs.require(new ProcessBuilder("sh", "-c", "command -v Xvfb").start().waitFor() == 0,
                "Xvfb is not installed here (.ci/run installs it)");
        // Xvfb prints the display number once it takes clients (-displayfd 1), or the script says "gone" when it could
        // not start (say, a server already runs there). It must outlive this JVM's GTK, which exits the JVM when its X
        // server goes, so the script ends it once this JVM has ended.
        String script = """
                Xvfb "$1" -screen 0 1600x900x24 -nolisten tcp -displayfd 1 2>/dev/null & x=$!
                while kill -0 "$2" 2>/dev/null; do
                  kill -0 $x 2>/dev/null || { echo gone; exit; }
                  sleep 1
                done
                kill $x
                """;
        Process xvfb = new ProcessBuilder("sh", "-c", script, "sh", display, Long.toString(ProcessHandle.current().pid())).start();
        String said = new BufferedReader(new InputStreamReader(xvfb.getInputStream())).readLine();
        assertThat(!"gone".equals(said) || Files.exists(Path.of("/tmp/.X11-unix/X" + display.substring(1))))
                .as("Xvfb started on " + display + ", or one was already running there").isTrue();
        var started = new CompletableFuture<Void>();
        Platform.startup(() -> {
            var qr = QrCode.of(LINK);
            int module = 4;
            int side = (qr.size() + 8) * module;
            var image = new WritableImage(side, side);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int mx = x / module - 4;
                    int my = y / module - 4;
                    boolean dark = mx >= 0 && my >= 0 && mx < qr.size() && my < qr.size() && qr.dark(mx, my);
                    image.getPixelWriter().setArgb(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            var pane = new StackPane(new ImageView(image));
            pane.setStyle("-fx-background-color: rgb(0, 90, 200);"); // a blue frame round it: the capture is in colour
            window = new Stage(StageStyle.UNDECORATED);
            window.setScene(new Scene(pane, side + 80, side + 80));
            window.setX(300);
            window.setY(200);
            window.setOnShown(e -> started.complete(null));
            window.show();
        });
        started.get(20, TimeUnit.SECONDS);
        Eventually.until("the window's blue frame is on the X server's screen", ScreenSourceTest::windowIsOnScreen);
    }

    /** Whether the desktop, as captured, shows the window's blue frame where the window was put. */
    private static boolean windowIsOnScreen() {
        try (var screen = ScreenSource.desktop()) {
            var frame = screen.next().orElseThrow();
            int at = (210 * frame.width() + 310) * 4; // inside the frame, beside the code
            return (frame.bgra()[at] & 0xff) > 180 && (frame.bgra()[at + 2] & 0xff) < 40;
        } catch (Exception e) {
            return false;
        }
    }

    /** Keeps what the capture saw, to look at. */
    private static void save(FrameSource.Frame frame, Path file) throws IOException {
        var image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        byte[] bgra = frame.bgra();
        for (int i = 0; i < frame.width() * frame.height(); i++) {
            image.setRGB(i % frame.width(), i / frame.width(),
                    (bgra[i * 4 + 2] & 0xff) << 16 | (bgra[i * 4 + 1] & 0xff) << 8 | (bgra[i * 4] & 0xff));
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    @AfterAll
    static void stop() {
        Platform.exit();
    }

    @Test
    void aRegionOfTheScreenIsCapturedInColourAndItsQrRead() throws Exception {
        var bounds = new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight());
        try (var screen = ScreenSource.region(bounds)) {
            var frame = screen.next().orElseThrow();
            assertThat(frame.width()).isEqualTo((int) bounds.getWidth());
            // the top-left pixel is the blue frame: B, G, R, A
            assertThat(frame.bgra()[0] & 0xff).isGreaterThan(180);
            assertThat(frame.bgra()[2] & 0xff).isLessThan(40);
            assertThat(QrDecoder.read(frame)).map(QrDecoder.Found::text).contains(LINK);
        }
    }

    @Test
    void theWholeDesktopIsCapturedAndTheQrFoundInIt() throws Exception {
        try (var screen = ScreenSource.desktop()) {
            var frame = screen.next().orElseThrow();
            assertThat(frame.width()).isEqualTo(1600);
            assertThat(frame.height()).isEqualTo(900);
            save(frame, Path.of("target/screenshots/screen-capture-xvfb.png"));
            var found = QrDecoder.read(frame).orElseThrow();
            assertThat(found.text()).isEqualTo(LINK);
            // the outline lands on the window, in the desktop's own pixels
            assertThat(found.corners()).allSatisfy(p -> assertThat(p.x()).isBetween(300.0, 300 + window.getWidth()));
        }
    }
}
