package org.devicelink.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.devicelink.i18n.Messages;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * A webcam, or a video file read the same way (tests stand a file in for a camera), through OpenCV's VideoCapture
 * with the natives that {@code org.openpnp:opencv} carries.
 */
public final class OpenCvSource implements FrameSource {

    private static final int MAX_PROBED = 4;
    private static final int MAX_WIDTH = 1280;
    private static volatile boolean loaded;

    private final VideoCapture capture;
    private final String camera; // its name; null for a video file
    private boolean delivered;
    private final long frameNanos;
    private long nextFrameAt;
    private final Mat frame = new Mat();
    private final Mat grey = new Mat();
    private final Mat bgra = new Mat();
    private boolean closed;

    private OpenCvSource(VideoCapture capture, String camera) {
        this.capture = capture;
        this.camera = camera;
        // a file plays at its own frame rate, as a camera would deliver it; a camera paces itself
        double fps = camera != null ? 0 : capture.get(Videoio.CAP_PROP_FPS);
        this.frameNanos = fps > 0 ? (long) (1_000_000_000L / fps) : 0;
    }

    /**
     * The cameras of this PC. On Linux they are read from sysfs with their names and without being opened (each
     * device's first node; the others carry metadata). Elsewhere OpenCV has no list, so cameras 0, 1, … are tried
     * until one does not open.
     */
    public static List<Camera> cameras() {
        Path sysfs = Path.of("/sys/class/video4linux");
        if (Files.isDirectory(sysfs)) {
            return linuxCameras(sysfs);
        }
        var cameras = new ArrayList<Camera>();
        load();
        for (int index = 0; index < MAX_PROBED; index++) {
            var capture = new VideoCapture(index);
            boolean there = capture.isOpened();
            capture.release();
            if (!there) {
                break;
            }
            int camera = index;
            String name = Messages.get("camera.numbered", index + 1);
            cameras.add(new Camera(name, () -> camera(camera, name)));
        }
        return cameras;
    }

    private static List<Camera> linuxCameras(Path sysfs) {
        var found = new TreeMap<Integer, String>();
        try (var nodes = Files.list(sysfs)) {
            for (Path node : nodes.toList()) {
                String file = node.getFileName().toString();
                if (!file.matches("video\\d+") || !"0".equals(read(node.resolve("index"), "0"))) {
                    continue;
                }
                int number = Integer.parseInt(file.substring("video".length()));
                found.put(number, read(node.resolve("name"), Messages.get("camera.numbered", number + 1)));
            }
        } catch (IOException e) {
            return List.of();
        }
        var cameras = new ArrayList<Camera>();
        var seen = new HashMap<String, Integer>();
        found.forEach((number, name) -> {
            int same = seen.merge(name, 1, Integer::sum); // two identical webcams get told apart
            String shown = same == 1 ? name : name + " (" + same + ")";
            cameras.add(new Camera(shown, () -> camera(number, shown)));
        });
        return cameras;
    }

    private static String read(Path file, String otherwise) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? otherwise : text;
        } catch (IOException e) {
            return otherwise;
        }
    }

    /**
     * Camera number {@code index} (0 is the first), called {@code name}, asked for 1280x720: sharp enough across a
     * room, cheap to read.
     */
    public static OpenCvSource camera(int index, String name) throws ScanFailure {
        load();
        var capture = new VideoCapture(index);
        if (!capture.isOpened()) {
            capture.release();
            throw new ScanFailure(whyNotOpened(Path.of("/dev/video" + index), name));
        }
        capture.set(Videoio.CAP_PROP_FRAME_WIDTH, MAX_WIDTH);
        capture.set(Videoio.CAP_PROP_FRAME_HEIGHT, 720);
        return new OpenCvSource(capture, name);
    }

    /** Why a camera did not open, as precisely as the system lets us tell (Linux shows its device node). */
    static String whyNotOpened(Path linuxNode, String name) {
        return whyNotOpened(Files.exists(linuxNode) && !Files.isReadable(linuxNode), name);
    }

    /** A camera whose device node this user may not read is a permission to ask for; anything else, one of three causes. */
    static String whyNotOpened(boolean nodeUnreadable, String name) {
        return Messages.get(nodeUnreadable ? "camera.denied.linux" : "camera.unavailable", name);
    }

    /** A video file (MJPEG .avi is what this machine's OpenCV reads) played as if it were a camera. */
    public static OpenCvSource file(Path video) throws ScanFailure {
        if (!Files.isRegularFile(video)) {
            throw new ScanFailure(Messages.get("camera.video.missing", video));
        }
        load();
        var capture = new VideoCapture(video.toAbsolutePath().toString());
        if (!capture.isOpened()) {
            throw new ScanFailure(Messages.get("camera.video.unreadable", video.getFileName()));
        }
        return new OpenCvSource(capture, null);
    }

    /**
     * A video file played as the camera {@code name}: read as fast as a camera delivers, and failing as a camera fails
     * (no picture at all: busy; pictures, then none: unplugged). For tests of what a person is told.
     */
    static OpenCvSource cameraStandIn(Path video, String name) throws ScanFailure {
        load();
        var capture = new VideoCapture(video.toAbsolutePath().toString());
        if (!capture.isOpened()) {
            throw new ScanFailure(Messages.get("camera.video.unreadable", video.getFileName()));
        }
        return new OpenCvSource(capture, name);
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
            if (camera != null) {
                // opened but never a picture: another app is streaming from it; pictures, then none: unplugged
                throw new ScanFailure(Messages.get(delivered ? "camera.stopped" : "camera.busy", camera));
            }
            return Optional.empty();
        }
        delivered = true;
        if (frame.cols() > MAX_WIDTH) {
            // a camera that gives only 1080p or more is brought to 1280 wide: a frame stays within its decode time
            Imgproc.resize(frame, frame, new Size(MAX_WIDTH, Math.round(frame.rows() * (double) MAX_WIDTH / frame.cols())),
                    0, 0, Imgproc.INTER_AREA);
        }
        if (frame.channels() == 1) {
            frame.copyTo(grey);
            var bytes = new byte[(int) grey.total()];
            grey.get(0, 0, bytes);
            return Optional.of(new Frame(bytes, grey.cols(), grey.rows(), null));
        }
        Imgproc.cvtColor(frame, grey, Imgproc.COLOR_BGR2GRAY);
        Imgproc.cvtColor(frame, bgra, Imgproc.COLOR_BGR2BGRA);
        var bytes = new byte[(int) grey.total()];
        grey.get(0, 0, bytes);
        var colour = new byte[(int) bgra.total() * 4];
        bgra.get(0, 0, colour);
        return Optional.of(new Frame(bytes, grey.cols(), grey.rows(), colour));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            capture.release();
        }
    }

    /** The natives are unpacked and loaded once per run; when they cannot be, the message says so. */
    static void load() {
        if (!loaded) {
            synchronized (OpenCvSource.class) {
                if (!loaded) {
                    try {
                        nu.pattern.OpenCV.loadLocally();
                    } catch (RuntimeException | LinkageError e) {
                        throw new IllegalStateException(Messages.get("camera.natives", e.getMessage()), e);
                    }
                    loaded = true;
                }
            }
        }
    }
}
