package org.devicelink.app.scan;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import org.devicelink.i18n.Messages;
import org.devicelink.scan.FrameSource;

/**
 * The screen as a source of frames, for "scan from screen" (support staff looking at a customer's screenshot in a
 * chat): a region, or every screen at once, captured at full pixel density because a QR in a screenshot is often
 * small. Each frame is a fresh capture through the JavaFX robot, which works on the JavaFX thread only; the capture
 * is quick, and the pixels are turned into a frame off that thread.
 */
public final class ScreenSource implements FrameSource {

    private static final long CAPTURE_TIMEOUT_SECONDS = 10;

    private final Rectangle2D region;

    private ScreenSource(Rectangle2D region) {
        this.region = region;
    }

    /** Every screen. */
    public static ScreenSource desktop() {
        return new ScreenSource(null);
    }

    /** A region of the screen, in the screen's coordinates (as JavaFX windows are placed). */
    public static ScreenSource region(Rectangle2D region) {
        return new ScreenSource(region);
    }

    private record Capture(int[] argb, int width, int height) {}

    /** Takes a capture; call it off the JavaFX thread (it waits for that thread to take the picture). */
    @Override
    public Optional<Frame> next() throws ScanFailure {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("ScreenSource.next() waits for the JavaFX thread: call it from another");
        }
        var capture = new CompletableFuture<Capture>();
        Platform.runLater(() -> {
            try {
                Rectangle2D bounds = region != null ? region : allScreens();
                WritableImage image = new Robot().getScreenCapture(null, bounds, false); // false: physical pixels on HiDPI
                int w = (int) image.getWidth();
                int h = (int) image.getHeight();
                var argb = new int[w * h];
                image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
                capture.complete(new Capture(argb, w, h));
            } catch (RuntimeException e) {
                capture.completeExceptionally(e);
            }
        });
        try {
            Capture c = capture.get(CAPTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Optional.of(Frame.ofArgb(c.argb(), c.width(), c.height()));
        } catch (ExecutionException | TimeoutException e) {
            throw new ScanFailure(Messages.get("screen.unreadable", describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Rectangle2D allScreens() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Screen screen : Screen.getScreens()) {
            Rectangle2D b = screen.getBounds();
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return new Rectangle2D(minX, minY, maxX - minX, maxY - minY);
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof UnsupportedOperationException) {
            return "this display does not allow screen capture";
        }
        if (cause instanceof TimeoutException) {
            return "it did not answer within " + CAPTURE_TIMEOUT_SECONDS + " seconds";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        // nothing held between captures
    }
}
