package org.devicelink.scan;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Reed-Solomon decoding with errors and erasures over QR's field (GF(256), x^8+x^4+x^3+x^2+1, generator base 0).
 * ZXing corrects errors only, each of which costs two check symbols; a symbol known to be unreadable (an erasure: under
 * glare, torn away, smudged) costs one, so a code can lose twice as much to damage that shows. Berlekamp-Massey
 * started from the erasures' locator (Blahut), Chien search, Forney's magnitudes.
 */
final class ReedSolomon {

    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= 256) {
                x ^= 0x11d;
            }
        }
        for (int i = 255; i < 512; i++) {
            EXP[i] = EXP[i - 255];
        }
    }

    private ReedSolomon() {}

    /**
     * Corrects {@code block} (data then {@code checks} check symbols, first symbol the highest power) in place, the
     * symbols at {@code erased} known to be unreadable; gives the number of errors found beyond the erasures, or empty
     * when the block is past correcting (and then leaves it as it was).
     */
    static OptionalInt correct(int[] block, int checks, int[] erased) {
        int n = block.length;
        int[] syndromes = new int[checks];
        boolean clean = true;
        for (int i = 0; i < checks; i++) {
            syndromes[i] = evaluateHighFirst(block, EXP[i]);
            clean &= syndromes[i] == 0;
        }
        if (clean) {
            return OptionalInt.of(0);
        }
        if (erased.length > checks) {
            return OptionalInt.empty();
        }
        // the erasures' locator, prod (1 - X x), ascending powers; X = alpha^(power of the symbol's position)
        int[] locator = {1};
        for (int position : erased) {
            locator = multiply(locator, new int[] {1, EXP[n - 1 - position]});
        }
        int[] previous = locator.clone();
        int length = erased.length;
        for (int r = erased.length + 1; r <= checks; r++) {
            int discrepancy = 0;
            for (int j = 0; j < locator.length && j <= r - 1; j++) {
                discrepancy ^= mul(locator[j], syndromes[r - 1 - j]);
            }
            int[] shifted = shift(previous);
            if (discrepancy == 0) {
                previous = shifted;
                continue;
            }
            int[] next = add(locator, scale(shifted, discrepancy));
            if (2 * length <= r - 1 + erased.length) {
                length = r + erased.length - length;
                previous = scale(locator, inverse(discrepancy));
            } else {
                previous = shifted;
            }
            locator = next;
        }
        locator = trim(locator);
        int degree = locator.length - 1;
        if (degree != length || 2 * (degree - erased.length) + erased.length > checks) {
            return OptionalInt.empty();
        }
        // where: the positions whose X^-1 is a root (the erasures are among them)
        int[] positions = new int[degree];
        int found = 0;
        for (int position = 0; position < n && found <= degree; position++) {
            int inverseX = EXP[(255 - (n - 1 - position)) % 255];
            if (evaluateLowFirst(locator, inverseX) == 0) {
                if (found == degree) {
                    return OptionalInt.empty();
                }
                positions[found++] = position;
            }
        }
        if (found != degree) {
            return OptionalInt.empty();
        }
        // how much: Forney, with the evaluator S(x) * locator(x) mod x^checks
        int[] evaluator = new int[checks];
        for (int i = 0; i < checks; i++) {
            for (int j = 0; j <= i && j < locator.length; j++) {
                evaluator[i] ^= mul(syndromes[i - j], locator[j]);
            }
        }
        int[] corrected = block.clone();
        for (int position : positions) {
            int x = EXP[n - 1 - position];
            int inverseX = inverse(x);
            int derivative = 0;
            for (int i = 1; i < locator.length; i += 2) {
                derivative ^= mul(locator[i], power(inverseX, i - 1));
            }
            if (derivative == 0) {
                return OptionalInt.empty();
            }
            corrected[position] ^= mul(x, mul(evaluateLowFirst(evaluator, inverseX), inverse(derivative)));
        }
        for (int i = 0; i < checks; i++) {
            if (evaluateHighFirst(corrected, EXP[i]) != 0) {
                return OptionalInt.empty();
            }
        }
        System.arraycopy(corrected, 0, block, 0, n);
        return OptionalInt.of(degree - erased.length);
    }

    static int mul(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }

    private static int inverse(int a) {
        return EXP[255 - LOG[a]];
    }

    private static int power(int a, int e) {
        return e == 0 ? 1 : a == 0 ? 0 : EXP[(LOG[a] * e) % 255];
    }

    private static int evaluateHighFirst(int[] poly, int x) {
        int value = 0;
        for (int c : poly) {
            value = mul(value, x) ^ c;
        }
        return value;
    }

    private static int evaluateLowFirst(int[] poly, int x) {
        int value = 0;
        for (int i = poly.length - 1; i >= 0; i--) {
            value = mul(value, x) ^ poly[i];
        }
        return value;
    }

    private static int[] multiply(int[] a, int[] b) {
        int[] product = new int[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                product[i + j] ^= mul(a[i], b[j]);
            }
        }
        return product;
    }

    private static int[] shift(int[] poly) {
        int[] shifted = new int[poly.length + 1];
        System.arraycopy(poly, 0, shifted, 1, poly.length);
        return shifted;
    }

    private static int[] scale(int[] poly, int factor) {
        int[] scaled = new int[poly.length];
        for (int i = 0; i < poly.length; i++) {
            scaled[i] = mul(poly[i], factor);
        }
        return scaled;
    }

    private static int[] add(int[] a, int[] b) {
        int[] sum = new int[Math.max(a.length, b.length)];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (i < a.length ? a[i] : 0) ^ (i < b.length ? b[i] : 0);
        }
        return sum;
    }

    private static int[] trim(int[] poly) {
        int last = poly.length - 1;
        while (last > 0 && poly[last] == 0) {
            last--;
        }
        return Arrays.copyOf(poly, last + 1);
    }
}
