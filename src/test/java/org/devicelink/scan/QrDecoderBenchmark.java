package org.devicelink.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of reading one camera frame, with and without a QR in it, at 640x480 and 1280x720: the pipeline against
 * plain ZXing. {@code pipeline} is a picture read every way (a file, a paste); {@code cameraFrame} is what the camera
 * dialog spends on each frame (one look per frame, the looks in turn). {@code mvn -q test-compile exec:exec@jmh
 * -Djmh.args="QrDecoderBenchmark"}; add {@code -bm sample} for the worst frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QrDecoderBenchmark {

    @Param({"640x480", "1280x720"})
    public String size;

    @Param({"qr", "empty"})
    public String content;

    private BufferedImage frame;
    private int[] argb;
    private FrameSource.Frame prepared;
    private final QrDecoder.FrameScanner scanner = new QrDecoder.FrameScanner();

    @Setup
    public void makeFrame() {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        var full = CameraDamage.frame("https://localhost:8443/link?code=WDJB-MJHT", 5, 12, new Random(7));
        if ("empty".equals(content)) {
            full = CameraDamage.noise(CameraDamage.lowContrast(new BufferedImage(CameraDamage.WIDTH, CameraDamage.HEIGHT,
                    BufferedImage.TYPE_INT_RGB), 1), 20, new Random(7));
        }
        frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.drawImage(full, 0, 0, w, h, null);
        g.dispose();
        argb = frame.getRGB(0, 0, w, h, null, 0, w);
        prepared = FrameSource.Frame.ofArgb(argb, w, h);
    }

    @Benchmark
    public Optional<QrDecoder.Found> pipeline() {
        return QrDecoder.read(prepared);
    }

    @Benchmark
    public Optional<QrDecoder.Found> cameraFrame() {
        return scanner.read(prepared);
    }

    @Benchmark
    public Result plainZxing() {
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(frame.getWidth(), frame.getHeight(), argb))));
        } catch (NotFoundException e) {
            return null;
        }
    }
}
