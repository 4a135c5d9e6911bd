package org.devicelink.app.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * A webcam, or a video file read the same way (tests stand a file in for a camera), through OpenCV's VideoCapture
 * with the natives that {@code org.openpnp:opencv} carries.
 */
public final class OpenCvSource implements FrameSource {

    private static volatile boolean loaded;

    private final VideoCapture capture;
    private final boolean camera;
    private final long frameNanos;
    private long nextFrameAt;
    private final Mat frame = new Mat();
    private final Mat grey = new Mat();
    private boolean closed;

    private OpenCvSource(VideoCapture capture, boolean camera) {
        this.capture = capture;
        this.camera = camera;
        // a file plays at its own frame rate, as a camera would deliver it; a camera paces itself
        double fps = camera ? 0 : capture.get(Videoio.CAP_PROP_FPS);
        this.frameNanos = fps > 0 ? (long) (1_000_000_000L / fps) : 0;
    }

    /** Camera number {@code index} (0 is the first), asked for 1280x720: sharp enough across a room, cheap to read. */
    public static OpenCvSource camera(int index) throws ScanFailure {
        load();
        var capture = new VideoCapture(index);
        if (!capture.isOpened()) {
            throw new ScanFailure("No camera could be opened (camera " + (index + 1) + "). Check that one is connected, "
                    + "that no other app is using it, and that DeviceLink may use the camera in your system's privacy settings.");
        }
        capture.set(Videoio.CAP_PROP_FRAME_WIDTH, 1280);
        capture.set(Videoio.CAP_PROP_FRAME_HEIGHT, 720);
        return new OpenCvSource(capture, true);
    }

    /** A video file (MJPEG .avi is what this machine's OpenCV reads) played as if it were a camera. */
    public static OpenCvSource file(Path video) throws ScanFailure {
        if (!Files.isRegularFile(video)) {
            throw new ScanFailure("There is no video at " + video + ".");
        }
        load();
        var capture = new VideoCapture(video.toAbsolutePath().toString());
        if (!capture.isOpened()) {
            throw new ScanFailure("The video " + video.getFileName() + " cannot be read (try an MJPEG .avi).");
        }
        return new OpenCvSource(capture, false);
    }

    @Override
    public synchronized Optional<Frame> next() throws ScanFailure {
        if (closed) {
            return Optional.empty();
        }
        if (frameNanos > 0) {
            long wait = nextFrameAt - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            nextFrameAt = System.nanoTime() + frameNanos;
        }
        if (!capture.read(frame) || frame.empty()) {
            if (camera) {
                throw new ScanFailure("The camera stopped sending pictures. Was it unplugged? Plug it in and scan again.");
            }
            return Optional.empty();
        }
        if (frame.channels() == 1) {
            frame.copyTo(grey);
        } else {
            Imgproc.cvtColor(frame, grey, Imgproc.COLOR_BGR2GRAY);
        }
        var bytes = new byte[(int) grey.total()];
        grey.get(0, 0, bytes);
        return Optional.of(new Frame(bytes, grey.cols(), grey.rows()));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            capture.release();
        }
    }

    /** The natives are unpacked and loaded once per run. */
    static void load() {
        if (!loaded) {
            synchronized (OpenCvSource.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
