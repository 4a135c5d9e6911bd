package org.devicelink.scan;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.devicelink.i18n.Messages;

/**
 * One camera, open from start to stop, with no toolkit: one thread reads its frames and keeps only the newest (so
 * nothing queues up at the camera's pace), another decodes the newest within a frame's time. The first code found
 * ends the session. What the dialog shows comes through {@link Listener}, on these threads.
 */
public final class CameraSession {

    /** What a session tells whoever shows it. */
    public interface Listener {
        /** A sentence for the status line: starting, a hint, the camera's own failure, the end of its frames. */
        void status(String sentence);

        /** A code, in the frame it was found in; the session has stopped. */
        void found(QrDecoder.Found found, FrameSource.Frame frame);
    }

    private final Camera camera;
    private final Listener listener;
    private final AtomicReference<FrameSource.Frame> latest = new AtomicReference<>();
    private volatile boolean running = true;
    /** False once the source has no more frames: the decoder reads the last one, then stops. */
    private volatile boolean reading = true;
    /** The source came to its end (a video file): once its last frame is read in vain, the decoder says so. */
    private volatile boolean ended;

    private CameraSession(Camera camera, Listener listener) {
        this.camera = camera;
        this.listener = listener;
    }

    /** Opens {@code camera} and starts reading and decoding, on threads of its own. */
    public static CameraSession start(Camera camera, Listener listener) {
        var session = new CameraSession(camera, listener);
        Thread.ofVirtual().name("camera-frames").start(session::readFrames);
        return session;
    }

    public Camera camera() {
        return camera;
    }

    /** The newest frame read, for a preview; null before the first. */
    public FrameSource.Frame latest() {
        return latest.get();
    }

    /** Stops reading and decoding; the camera is released by the reading thread on its way out. */
    public void stop() {
        running = false;
    }

    public boolean running() {
        return running;
    }

    /** Reads frames until stopped; the source is closed on every way out. */
    private void readFrames() {
        FrameSource source;
        try {
            source = camera.open().call();
        } catch (Exception e) {
            report(e.getMessage());
            reading = false;
            return;
        }
        Thread.ofVirtual().name("camera-decode").start(this::decode);
        try (source) {
            report(Messages.get("camera.hint"));
            while (running) {
                Optional<FrameSource.Frame> frame = source.next();
                if (frame.isEmpty()) {
                    ended = true;
                    break;
                }
                latest.set(frame.get());
            }
        } catch (FrameSource.ScanFailure e) {
            report(e.getMessage());
        } finally {
            reading = false; // not an interrupt: BoofCV's worker threads turn one into a RuntimeException
        }
    }

    private void decode() {
        var scanner = new QrDecoder.FrameScanner();
        FrameSource.Frame done = null;
        while (running) {
            FrameSource.Frame frame = latest.get();
            if (frame == null || frame == done) {
                if (!reading) {
                    if (ended) {
                        report(Messages.get("camera.ended")); // said after the last frame, never before a code in it
                    }
                    return;
                }
                LockSupport.parkNanos(5_000_000);
                continue;
            }
            done = frame;
            var found = scanner.read(frame);
            if (found.isPresent() && running) { // not after the session was stopped during the read
                running = false;
                listener.found(found.get(), frame);
                return;
            }
        }
    }

    /** A sentence for the status line, while the session runs (not once a code was found, nor after it was stopped). */
    private void report(String sentence) {
        if (running) {
            listener.status(sentence);
        }
    }
}
