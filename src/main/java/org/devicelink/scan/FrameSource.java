package org.devicelink.scan;

import java.util.Optional;

/**
 * Where pictures to scan come from, one frame at a time: a webcam, a video file standing in for one, or a region of
 * the screen.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * A picture: 8-bit grey, row by row, which is what the decoder reads; and the same picture in colour as BGRA bytes
     * for a preview, or null when the source has only grey.
     */
    record Frame(byte[] grey, int width, int height, byte[] bgra) {

        /** A frame from ARGB pixels, row by row (a picture file, a screen capture). */
        public static Frame ofArgb(int[] argb, int width, int height) {
            var grey = new byte[width * height];
            var bgra = new byte[width * height * 4];
            for (int i = 0; i < grey.length; i++) {
                int pixel = argb[i];
                grey[i] = grey(pixel);
                bgra[i * 4] = (byte) pixel;
                bgra[i * 4 + 1] = (byte) (pixel >> 8);
                bgra[i * 4 + 2] = (byte) (pixel >> 16);
                bgra[i * 4 + 3] = (byte) 0xff;
            }
            return new Frame(grey, width, height, bgra);
        }

        /** The luma of an ARGB pixel (ITU-R 601); transparent pixels count as white, as on a page. */
        public static byte grey(int argb) {
            int alpha = argb >>> 24;
            int y = (((argb >> 16) & 0xff) * 306 + ((argb >> 8) & 0xff) * 601 + (argb & 0xff) * 117) >> 10;
            return (byte) ((y * alpha + 255 * (255 - alpha)) / 255);
        }

        /** The part of this frame inside the rectangle (clipped to the frame). */
        public Frame crop(int x, int y, int w, int h) {
            int x0 = Math.clamp(x, 0, width);
            int y0 = Math.clamp(y, 0, height);
            int cw = Math.clamp(w, 0, width - x0);
            int ch = Math.clamp(h, 0, height - y0);
            var g = new byte[cw * ch];
            var c = bgra == null ? null : new byte[cw * ch * 4];
            for (int row = 0; row < ch; row++) {
                System.arraycopy(grey, (y0 + row) * width + x0, g, row * cw, cw);
                if (c != null) {
                    System.arraycopy(bgra, ((y0 + row) * width + x0) * 4, c, row * cw * 4, cw * 4);
                }
            }
            return new Frame(g, cw, ch, c);
        }
    }

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
