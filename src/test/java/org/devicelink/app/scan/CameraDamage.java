package org.devicelink.app.scan;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.devicelink.device.QrCode;

/**
 * What a webcam does to a QR on a TV across the room, made on purpose and seeded: the code at a size and angle in a
 * 1280x720 frame, then perspective, blur, noise, low contrast, glare, inversion or the pixel grid of a screen.
 */
public final class CameraDamage {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private CameraDamage() {}

    /** A grey frame with the QR of {@code text} drawn with modules of {@code module} px, turned by {@code degrees}. */
    static BufferedImage frame(String text, double module, double degrees, Random random) {
        var qr = QrCode.of(text);
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(90, 96, 104)); // a living room, not a white page
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double size = qr.size() * module;
        double cx = WIDTH / 2.0 + (random.nextDouble() - 0.5) * Math.max(0, WIDTH - size * 1.5) * 0.5;
        double cy = HEIGHT / 2.0 + (random.nextDouble() - 0.5) * Math.max(0, HEIGHT - size * 1.5) * 0.5;
        var at = new AffineTransform();
        at.translate(cx, cy);
        at.rotate(Math.toRadians(degrees));
        at.translate(-size / 2, -size / 2);
        g.transform(at);
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, size, size));
        g.setColor(Color.BLACK);
        for (int y = 0; y < qr.size(); y++) {
            for (int x = 0; x < qr.size(); x++) {
                if (qr.dark(x, y)) {
                    g.fill(new java.awt.geom.Rectangle2D.Double(x * module, y * module, module + 0.02, module + 0.02));
                }
            }
        }
        g.dispose();
        return image;
    }

    /** A camera looking at the screen from the side: the frame warped by a random homography of strength {@code s}. */
    static BufferedImage perspective(BufferedImage src, double s, Random random) {
        double w = src.getWidth();
        double h = src.getHeight();
        // where the corners of the output come from in the source
        Point2D.Double[] from = {
                new Point2D.Double(w * s * random.nextDouble(), h * s * random.nextDouble()),
                new Point2D.Double(w - w * s * random.nextDouble(), h * s * random.nextDouble()),
                new Point2D.Double(w - w * s * random.nextDouble(), h - h * s * random.nextDouble()),
                new Point2D.Double(w * s * random.nextDouble(), h - h * s * random.nextDouble())};
        var out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            double v = y / h;
            for (int x = 0; x < out.getWidth(); x++) {
                double u = x / w;
                double sx = (1 - u) * (1 - v) * from[0].x + u * (1 - v) * from[1].x + u * v * from[2].x + (1 - u) * v * from[3].x;
                double sy = (1 - u) * (1 - v) * from[0].y + u * (1 - v) * from[1].y + u * v * from[2].y + (1 - u) * v * from[3].y;
                int ix = (int) Math.min(w - 1, Math.max(0, sx));
                int iy = (int) Math.min(h - 1, Math.max(0, sy));
                out.setRGB(x, y, src.getRGB(ix, iy));
            }
        }
        return out;
    }

    static BufferedImage blur(BufferedImage src, int radius) {
        return map(src, (x, y, grey) -> {
            int sum = 0;
            int n = 0;
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    int xx = Math.min(src.getWidth() - 1, Math.max(0, x + dx));
                    int yy = Math.min(src.getHeight() - 1, Math.max(0, y + dy));
                    sum += grey(src.getRGB(xx, yy));
                    n++;
                }
            }
            return sum / n;
        });
    }

    static BufferedImage noise(BufferedImage src, double sigma, Random random) {
        return map(src, (x, y, grey) -> (int) Math.round(grey + random.nextGaussian() * sigma));
    }

    /** Contrast squeezed to {@code contrast} (0..1) around a dim grey, as a dark room on a bright screen. */
    static BufferedImage lowContrast(BufferedImage src, double contrast) {
        return map(src, (x, y, grey) -> (int) Math.round(110 + (grey - 128) * contrast));
    }

    /** A lamp's reflection: a bright blob over part of the code. */
    static BufferedImage glare(BufferedImage src, Random random) {
        var out = copy(src);
        Graphics2D g = out.createGraphics();
        float cx = (float) (WIDTH * (0.35 + 0.3 * random.nextDouble()));
        float cy = (float) (HEIGHT * (0.35 + 0.3 * random.nextDouble()));
        g.setPaint(new RadialGradientPaint(cx, cy, 160f, new float[] {0f, 1f},
                new Color[] {new Color(255, 255, 255, 170), new Color(255, 255, 255, 0)}));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return out;
    }

    static BufferedImage invert(BufferedImage src) {
        return map(src, (x, y, grey) -> 255 - grey);
    }

    /** A photographed screen: the pixel grid of the TV (dark lines every {@code pitch} px), slightly out of focus. */
    static BufferedImage screenGrid(BufferedImage src, int pitch) {
        var out = copy(src);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0, 0, 0, 70));
        g.setStroke(new BasicStroke(1f));
        for (int x = 0; x < WIDTH; x += pitch) {
            g.drawLine(x, 0, x, HEIGHT);
        }
        for (int y = 0; y < HEIGHT; y += pitch) {
            g.drawLine(0, y, WIDTH, y);
        }
        g.dispose();
        return blur(out, 1);
    }

    @FunctionalInterface
    private interface Pixel {
        int grey(int x, int y, int grey);
    }

    private static BufferedImage map(BufferedImage src, Pixel pixel) {
        var out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int v = Math.min(255, Math.max(0, pixel.grey(x, y, grey(src.getRGB(x, y)))));
                out.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return out;
    }

    private static BufferedImage copy(BufferedImage src) {
        var out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(src, 0, 0, null);
        return out;
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xff) * 306 + ((rgb >> 8) & 0xff) * 601 + (rgb & 0xff) * 117) >> 10;
    }
}
