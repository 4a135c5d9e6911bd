package org.devicelink.scan;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the companion takes pictures to scan from besides files and the clipboard: the PC's cameras and its screen.
 * The composition root passes the real ones; tests put video files and pictures in their place.
 */
public final class ScanSources {

    private final Supplier<List<Camera>> cameras;
    private final Callable<FrameSource> screen;
    private final Consumer<String> rememberCamera;
    private volatile String preferredCamera;

    /**
     * @param cameras         finds the cameras; may be slow, so it is called off the JavaFX thread
     * @param screen          opens the screen (or the stand-in for it)
     * @param preferredCamera the name of the camera chosen last time, or empty
     * @param rememberCamera  keeps the name of a newly chosen camera for next time
     */
    public ScanSources(Supplier<List<Camera>> cameras, Callable<FrameSource> screen, String preferredCamera,
                       Consumer<String> rememberCamera) {
        this.cameras = cameras;
        this.screen = screen;
        this.preferredCamera = preferredCamera;
        this.rememberCamera = rememberCamera;
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
            rememberCamera.accept(camera.name());
        }
    }
}
