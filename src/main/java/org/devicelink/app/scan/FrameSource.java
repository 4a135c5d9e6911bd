package org.devicelink.app.scan;

import java.util.Optional;

/**
 * Where pictures to scan come from, one frame at a time: a webcam, a video file standing in for one, and (next) the
 * screen. Frames are 8-bit grey, what the decoder reads.
 */
public interface FrameSource extends AutoCloseable {

    record Frame(byte[] grey, int width, int height) {}

    /** The next frame; empty at the end of a file. Throws when the source fails (camera unplugged, busy). */
    Optional<Frame> next() throws ScanFailure;

    /** Releases the camera or file; safe to call more than once. */
    @Override
    void close();

    /** A source that cannot give pictures, with a sentence for the person. */
    final class ScanFailure extends Exception {
        public ScanFailure(String message) {
            super(message);
        }
    }
}
