package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TonesTest {

    /** A sharpened picture with amount 0 is the mean's own input, so it checks nothing: compare with a naive mean. */
    @Test
    void sharpeningPushesEachPixelFromItsBoxMeanEdgesIncluded() {
        int w = 37;
        int h = 23;
        int radius = 4;
        var grey = new byte[w * h];
        new Random(3).nextBytes(grey);
        byte[] sharpened = Tones.sharpened(grey, w, h, radius, 1.0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius); yy++) {
                    for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
                        sum += grey[yy * w + xx] & 0xff;
                        n++;
                    }
                }
                int value = grey[y * w + x] & 0xff;
                int expected = Math.max(0, Math.min(255, 2 * value - sum / n));
                assertThat(sharpened[y * w + x] & 0xff).as("(%d, %d)", x, y).isBetween(expected - 1, expected + 1);
            }
        }
    }

    @Test
    void localContrastEvensOutACodeHalfInShadowAndLeavesFlatAreasFlat() {
        int w = 64;
        int h = 8;
        var grey = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean dark = (x / 4) % 2 == 0;
                int lit = x < w / 2 ? 1 : 6; // the left half in shadow: its white is darker than the right half's black
                grey[y * w + x] = (byte) (x >= 56 ? 200 : (dark ? 5 : 35) * lit);
            }
        }
        byte[] even = Tones.localContrast(grey, w, h, 4);
        int row = 4 * w;
        assertThat(even[row + 2] & 0xff).as("a dark module in shadow").isLessThan(90);
        assertThat(even[row + 6] & 0xff).as("a light module in shadow").isGreaterThan(166);
        assertThat(even[row + 34] & 0xff).as("a dark module in light").isLessThan(90);
        assertThat(even[row + 38] & 0xff).as("a light module in light").isGreaterThan(166);
        assertThat(even[row + 62] & 0xff).as("a flat area").isEqualTo(128);
    }
}
