package org.devicelink.scan;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the companion takes pictures to scan from: the PC's cameras, its screen, a picture file. The composition root
 * passes the real ones; tests put video files and pictures in their place. It remembers, between starts, the camera
 * chosen and the way the person scanned last, so that Scan can do that again at once.
 */
public final class ScanSources {

    /** The ways to scan a QR the Scan button offers. */
    public enum Kind { CAMERA, SCREEN, FILE }

    /**
     * What is remembered between starts.
     *
     * @param camera     the name of the camera chosen last time, or empty
     * @param kind       the way the person scanned last time, or empty
     * @param keepCamera keeps the name of a newly chosen camera for next time
     * @param keepKind   keeps the way of a scan for next time
     */
    public record Memory(String camera, Optional<Kind> kind, Consumer<String> keepCamera, Consumer<Kind> keepKind) {
        /** Nothing remembered, and nothing kept. */
        public static Memory none() {
            return new Memory("", Optional.empty(), camera -> { }, kind -> { });
        }
    }

    private final Supplier<List<Camera>> cameras;
    private final Callable<FrameSource> screen;
    private final Memory memory;
    private volatile String preferredCamera;
    private volatile Optional<Kind> lastKind;

    /**
     * @param cameras finds the cameras; may be slow, so it is called off the JavaFX thread
     * @param screen  opens the screen (or the stand-in for it)
     */
    public ScanSources(Supplier<List<Camera>> cameras, Callable<FrameSource> screen, Memory memory) {
        this.cameras = cameras;
        this.screen = screen;
        this.memory = memory;
        this.preferredCamera = memory.camera();
        this.lastKind = memory.kind();
    }

    public List<Camera> cameras() {
        return cameras.get();
    }

    public FrameSource screen() throws Exception {
        return screen.call();
    }

    /** The camera to start with: the one chosen last time when it is still there, else the first. */
    public Camera preferred(List<Camera> available) {
        return available.stream().filter(c -> c.name().equals(preferredCamera)).findFirst().orElse(available.getFirst());
    }

    public void choose(Camera camera) {
        if (!camera.name().equals(preferredCamera)) {
            preferredCamera = camera.name();
            memory.keepCamera().accept(camera.name());
        }
    }

    /** The way the person scanned last, which Scan repeats. */
    public Optional<Kind> lastKind() {
        return lastKind;
    }

    public void used(Kind kind) {
        if (!lastKind.equals(Optional.of(kind))) {
            lastKind = Optional.of(kind);
            memory.keepKind().accept(kind);
        }
    }
}
