package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonEncoder;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The erasure reading on its own: Reed-Solomon with erasures, the layout of every version, and what it rescues. */
class ErasureReaderTest {

    static final int MODULE = 4;
    static final int MARGIN = 4;

    @Test
    void reedSolomonCorrectsAnyMixOfErrorsAndErasuresWithinItsChecks() {
        var random = new Random(29);
        for (int trial = 0; trial < 2000; trial++) {
            int checks = 7 + random.nextInt(24);
            int data = 1 + random.nextInt(120);
            int[] block = new int[data + checks];
            for (int i = 0; i < data; i++) {
                block[i] = random.nextInt(256);
            }
            new ReedSolomonEncoder(GenericGF.QR_CODE_FIELD_256).encode(block, checks);
            int[] sent = block.clone();
            int erasures = random.nextInt(checks + 1);
            int errors = random.nextInt((checks - erasures) / 2 + 1);
            int[] positions = shuffled(block.length, random);
            int[] erased = Arrays.copyOf(positions, erasures);
            for (int i = 0; i < erasures + errors; i++) {
                block[positions[i]] ^= 1 + random.nextInt(255); // an erasure may also read right: then it is not changed
                if (i < erasures && random.nextBoolean()) {
                    block[positions[i]] = sent[positions[i]];
                }
            }
            OptionalInt found = ReedSolomon.correct(block, checks, erased);
            assertThat(found).as("trial %d: %d errors, %d erasures of %d checks", trial, errors, erasures, checks).hasValue(errors);
            assertThat(block).isEqualTo(sent);
        }
    }

    @Test
    void reedSolomonGivesUpRatherThanLeaveAWordThatIsNotACodeword() {
        var random = new Random(30);
        int refused = 0;
        for (int trial = 0; trial < 500; trial++) {
            int[] block = new int[60];
            for (int i = 0; i < 44; i++) {
                block[i] = random.nextInt(256);
            }
            new ReedSolomonEncoder(GenericGF.QR_CODE_FIELD_256).encode(block, 16);
            int[] positions = shuffled(block.length, random);
            for (int i = 0; i < 12; i++) { // 12 errors: past the 8 that 16 checks correct
                block[positions[i]] ^= 1 + random.nextInt(255);
            }
            int[] received = block.clone();
            OptionalInt found = ReedSolomon.correct(block, 16, new int[0]);
            if (found.isEmpty()) {
                refused++;
                assertThat(block).as("left as it was").isEqualTo(received);
            } else {
                assertThat(found.getAsInt()).isLessThanOrEqualTo(8);
            }
        }
        assertThat(refused).as("of 500 words past correcting").isGreaterThan(490);
    }

    @Test
    void readsEveryVersionAndLevelAsZxingWroteIt() throws WriterException {
        var random = new Random(31);
        for (int version = 1; version <= 40; version++) {
            for (ErrorCorrectionLevel level : ErrorCorrectionLevel.values()) {
                QRCode qr = encode(text(random, 2 + random.nextInt(5)), level, version, random.nextInt(8));
                byte[] grey = draw(qr, Optional.empty());
                int side = side(qr);
                var read = new ErasureReader(new GreyPicture(grey, side, side)).read(grid(), version, false, Optional.empty());
                assertThat(read).as("version %d, level %s", version, level).isPresent();
            }
        }
    }

    @Test
    void glareOverAQuarterOfADeviceCodeReadsWhereErrorsOnlyCannot() throws WriterException {
        String text = "https://link.example.org/link?code=WDJB-MJHT";
        QRCode qr = encode(text, ErrorCorrectionLevel.M, 4, 2);
        int size = qr.getMatrix().getWidth();
        // a blown-out patch: every module in it reads near white, dark ones a little less so
        byte[] grey = draw(qr, Optional.of((x, y) -> x >= 12 && x < 24 && y >= 10 && y < 18
                ? (qr.getMatrix().get(x, y) == 1 ? 246 : 254) : -1));
        int side = side(qr);
        assertThatThrownBy(() -> new QRCodeReader().decode(bitmap(grey, side))).as("ZXing, errors only")
                .isInstanceOf(ChecksumException.class);
        var read = new ErasureReader(new GreyPicture(grey, side, side)).read(grid(), (size - 17) / 4, false, Optional.empty());
        assertThat(read.map(ErasureReader.Read::text)).contains(text);
        assertThat(QrDecoder.read(grey, side, side).map(QrDecoder.Found::text)).contains(text);
    }

    @Test
    void noiseInTheShapeOfACodeNeverReads() throws WriterException {
        var random = new Random(32);
        for (int trial = 0; trial < 300; trial++) {
            int version = 1 + random.nextInt(10);
            QRCode qr = encode(text(random, 6), ErrorCorrectionLevel.values()[random.nextInt(4)], version, random.nextInt(8));
            // the function patterns and format stay, the data is noise: each module's grey random, some near the middle
            byte[] grey = draw(qr, Optional.of((x, y) -> inData(x, y, qr.getMatrix().getWidth()) ? random.nextInt(256) : -1));
            int side = side(qr);
            var read = new ErasureReader(new GreyPicture(grey, side, side)).read(grid(), version, false, Optional.empty());
            assertThat(read).as("trial %d", trial).isEmpty();
        }
    }

    @Test
    void aCodeWithAnyOneFinderLostStillReads() throws WriterException {
        String text = "https://link.example.org/link?code=WDJB-MJHT";
        QRCode qr = encode(text, ErrorCorrectionLevel.M, 4, 5);
        int size = qr.getMatrix().getWidth();
        int side = side(qr);
        for (int lost = 0; lost < 3; lost++) {
            int left = lost == 1 ? size - 8 : 0;
            int top = lost == 2 ? size - 8 : 0;
            byte[] grey = draw(qr, Optional.of((x, y) -> x >= left && x < left + 8 && y >= top && y < top + 8 ? 255 : -1));
            assertThatThrownBy(() -> new QRCodeReader().decode(bitmap(grey, side))).as("ZXing, finder %d lost", lost)
                    .isInstanceOf(NotFoundException.class);
            assertThat(QrDecoder.read(grey, side, side).map(QrDecoder.Found::text)).as("finder %d lost", lost).contains(text);
        }
    }

    @Test
    void twoFindersOverNoiseNeverRead() {
        var random = new Random(33);
        for (int trial = 0; trial < 30; trial++) {
            // a code's finders where a code would have them, at versions 1 to 10, and noise where its data would be:
            // the two-finder reading tries every place for the third, and must find nothing to read
            int size = 21 + 4 * random.nextInt(10);
            int module = 4;
            int side = (size + 8) * module;
            byte[] grey = new byte[side * side];
            Arrays.fill(grey, (byte) 255);
            boolean diagonal = random.nextBoolean();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean topLeft = x < 8 && y < 8;
                    boolean topRight = x >= size - 8 && y < 8;
                    boolean bottomLeft = x < 8 && y >= size - 8;
                    int value;
                    if (topRight || bottomLeft && !diagonal || topLeft && diagonal) {
                        value = finder(topRight ? x - (size - 7) : x, bottomLeft ? y - (size - 7) : y) ? 0 : 255;
                    } else if (topLeft || bottomLeft) {
                        value = 255; // the lost finder
                    } else {
                        value = random.nextInt(256) < 128 ? 0 : 255;
                    }
                    for (int dy = 0; dy < module; dy++) {
                        int row = (y + 4) * module + dy;
                        Arrays.fill(grey, row * side + (x + 4) * module, row * side + (x + 5) * module, (byte) value);
                    }
                }
            }
            assertThat(QrDecoder.read(grey, side, side)).as("trial %d", trial).isEmpty();
        }
    }

    /** A finder pattern's module at (x, y) of its 7x7 (outside it: the white separator). */
    private static boolean finder(int x, int y) {
        if (x < 0 || y < 0 || x > 6 || y > 6) {
            return false;
        }
        int ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
        return ring != 2;
    }

    /** Outside the finders, their separators and format: enough to say "data" for noise. */
    private static boolean inData(int x, int y, int size) {
        boolean finder = x < 9 && y < 9 || x >= size - 8 && y < 9 || x < 9 && y >= size - 8;
        return !finder && x != 6 && y != 6;
    }

    interface Paint {
        /** The grey of module (x, y), or -1 to draw it as the code says. */
        int grey(int x, int y);
    }

    private static QRCode encode(String text, ErrorCorrectionLevel level, int version, int mask) throws WriterException {
        return Encoder.encode(text, level, Map.of(EncodeHintType.QR_VERSION, version, EncodeHintType.QR_MASK_PATTERN, mask));
    }

    private static String text(Random random, int length) {
        return IntStream.range(0, length).mapToObj(i -> String.valueOf((char) ('a' + random.nextInt(26)))).reduce("", String::concat);
    }

    private static int side(QRCode qr) {
        return (qr.getMatrix().getWidth() + 2 * MARGIN) * MODULE;
    }

    private static byte[] draw(QRCode qr, Optional<Paint> paint) {
        int size = qr.getMatrix().getWidth();
        int side = side(qr);
        byte[] grey = new byte[side * side];
        Arrays.fill(grey, (byte) 255);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int painted = paint.isPresent() ? paint.get().grey(x, y) : -1;
                int value = painted >= 0 ? painted : qr.getMatrix().get(x, y) == 1 ? 0 : 255;
                for (int dy = 0; dy < MODULE; dy++) {
                    int row = (y + MARGIN) * MODULE + dy;
                    Arrays.fill(grey, row * side + (x + MARGIN) * MODULE, row * side + (x + MARGIN + 1) * MODULE, (byte) value);
                }
            }
        }
        return grey;
    }

    private static ModuleGrid grid() {
        return (column, row) -> new double[] {(column + MARGIN) * MODULE, (row + MARGIN) * MODULE};
    }

    private static BinaryBitmap bitmap(byte[] grey, int side) {
        return new BinaryBitmap(new HybridBinarizer(new PlanarYUVLuminanceSource(grey, side, side, 0, 0, side, side, false)));
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
