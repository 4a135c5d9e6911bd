package org.devicelink.scan;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import org.devicelink.device.QrCode;

/**
 * What a webcam does to a QR on a TV across the room, made on purpose and seeded: the code at a size and angle in a
 * 1280x720 frame, then perspective, blur, noise, low contrast, glare, inversion or the pixel grid of a screen; and the
 * harder kinds that real photos show (curvature, heavy glare, bright spots, shadows, scratches, motion blur, JPEG at
 * low quality, over- and under-exposure).
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
        g.fill(new Rectangle2D.Double(0, 0, size, size));
        g.setColor(Color.BLACK);
        for (int y = 0; y < qr.size(); y++) {
            for (int x = 0; x < qr.size(); x++) {
                if (qr.dark(x, y)) {
                    g.fill(new Rectangle2D.Double(x * module, y * module, module + 0.02, module + 0.02));
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

    /**
     * A code on a curved surface (a bottle, a bent card): columns squeezed towards its edges as on a cylinder
     * {@code radius} px round seen from the front, and rows bowed by up to {@code bow} px.
     */
    static BufferedImage curve(BufferedImage src, double radius, double bow) {
        double cx = centre(src).x;
        var out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < WIDTH; x++) {
            double d = Math.max(-1, Math.min(1, (x - cx) / radius));
            int sx = (int) Math.max(0, Math.min(WIDTH - 1, cx + radius * Math.asin(d)));
            int dy = (int) Math.round(bow * d * d);
            for (int y = 0; y < HEIGHT; y++) {
                out.setRGB(x, y, src.getRGB(sx, Math.max(0, Math.min(HEIGHT - 1, y - dy))));
            }
        }
        return out;
    }

    /** The middle of the code's white card: where the damage that aims at the code aims. */
    private static Point2D.Double centre(BufferedImage src) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < src.getHeight(); y += 2) {
            for (int x = 0; x < src.getWidth(); x += 2) {
                if (grey(src.getRGB(x, y)) > 200) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return n == 0 ? new Point2D.Double(WIDTH / 2.0, HEIGHT / 2.0) : new Point2D.Double(sx / n, sy / n);
    }

    /** A lamp reflected right on the code, nearly white at its middle. */
    static BufferedImage heavyGlare(BufferedImage src, Random random) {
        Point2D.Double c = centre(src);
        return light(src, c.x + (random.nextDouble() - 0.5) * 120, c.y + (random.nextDouble() - 0.5) * 120, 150, 250);
    }

    /** Several small, blown-out reflections (ceiling lights on a glossy screen). */
    static BufferedImage brightSpots(BufferedImage src, Random random) {
        Point2D.Double c = centre(src);
        var out = src;
        for (int i = 0; i < 6; i++) {
            out = light(out, c.x + (random.nextDouble() - 0.5) * 260, c.y + (random.nextDouble() - 0.5) * 260,
                    14 + 20 * random.nextDouble(), 255);
        }
        return out;
    }

    private static BufferedImage light(BufferedImage src, double cx, double cy, double radius, int alpha) {
        var out = copy(src);
        Graphics2D g = out.createGraphics();
        g.setPaint(new RadialGradientPaint((float) cx, (float) cy, (float) radius, new float[] {0f, 0.5f, 1f},
                new Color[] {new Color(255, 255, 255, alpha), new Color(255, 255, 255, alpha * 3 / 4), new Color(255, 255, 255, 0)}));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return out;
    }

    /** A shadow with a soft edge across part of the frame: one side of a random line darkened to {@code depth}. */
    static BufferedImage shadow(BufferedImage src, double depth, Random random) {
        double angle = random.nextDouble() * Math.PI * 2;
        double nx = Math.cos(angle);
        double ny = Math.sin(angle);
        double offset = (random.nextDouble() - 0.5) * 80;
        Point2D.Double c = centre(src);
        return map(src, (x, y, grey) -> {
            double side = (x - c.x) * nx + (y - c.y) * ny - offset;
            double t = Math.max(0, Math.min(1, 0.5 + side / 12)); // a sharp edge: a hand or a window frame
            return (int) Math.round(grey * (1 - t * (1 - depth)));
        });
    }

    /** Scratches and marks: a few dark strokes across the code's middle. */
    static BufferedImage scratches(BufferedImage src, double width, Random random) {
        var out = copy(src);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Point2D.Double c = centre(src);
        for (int i = 0; i < 3; i++) {
            double x = c.x + (random.nextDouble() - 0.5) * 160;
            double y = c.y + (random.nextDouble() - 0.5) * 160;
            double a = random.nextDouble() * Math.PI;
            g.drawLine((int) (x - 60 * Math.cos(a)), (int) (y - 60 * Math.sin(a)), (int) (x + 60 * Math.cos(a)), (int) (y
                    + 60 * Math.sin(a)));
        }
        g.dispose();
        return out;
    }

    /** Where the code's white card lies: the box round its bright pixels. */
    private static Rectangle2D.Double card(BufferedImage src) {
        int minX = WIDTH;
        int minY = HEIGHT;
        int maxX = 0;
        int maxY = 0;
        for (int y = 0; y < src.getHeight(); y += 2) {
            for (int x = 0; x < src.getWidth(); x += 2) {
                if (grey(src.getRGB(x, y)) > 200) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < minX ? new Rectangle2D.Double(0, 0, WIDTH, HEIGHT) : new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * A torn label: beyond a ragged line across the card, {@code reach} (0..1) of the way from its middle to its edge,
     * the label is gone and the room shows through.
     */
    static BufferedImage torn(BufferedImage src, double reach, Random random) {
        var out = copy(src);
        Rectangle2D.Double card = card(src);
        double radius = Math.max(card.width, card.height) / 2;
        double angle = random.nextDouble() * Math.PI * 2;
        double nx = Math.cos(angle);
        double ny = Math.sin(angle);
        double[] ragged = new double[64];
        for (int i = 0; i < ragged.length; i++) {
            ragged[i] = (random.nextDouble() - 0.5) * radius * 0.12;
        }
        int background = new Color(90, 96, 104).getRGB();
        for (int y = (int) card.y; y < Math.min(HEIGHT, card.y + card.height); y++) {
            for (int x = (int) card.x; x < Math.min(WIDTH, card.x + card.width); x++) {
                double along = (x - card.getCenterX()) * -ny + (y - card.getCenterY()) * nx;
                int step = (int) Math.floorMod((long) Math.floor(along / (radius / 16)), ragged.length);
                double across = (x - card.getCenterX()) * nx + (y - card.getCenterY()) * ny;
                if (across > reach * radius + ragged[step]) {
                    out.setRGB(x, y, background);
                }
            }
        }
        return out;
    }

    /** Smudges: a few grey, soft-edged blots over the code, as a thumb or a wet cloth leaves them. */
    static BufferedImage smudged(BufferedImage src, int blots, Random random) {
        var out = copy(src);
        Graphics2D g = out.createGraphics();
        Rectangle2D.Double card = card(src);
        for (int i = 0; i < blots; i++) {
            float cx = (float) (card.x + card.width * (0.15 + 0.7 * random.nextDouble()));
            float cy = (float) (card.y + card.height * (0.15 + 0.7 * random.nextDouble()));
            float radius = (float) (card.width * (0.12 + 0.08 * random.nextDouble()));
            g.setPaint(new RadialGradientPaint(cx, cy, radius, new float[] {0f, 0.6f, 1f}, new Color[] {
                    new Color(125, 118, 110, 215), new Color(125, 118, 110, 170), new Color(125, 118, 110, 0)}));
            g.fill(new Rectangle2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        }
        g.dispose();
        return out;
    }

    /** Over-printed: a price sticker's bold black words stamped across the code at an angle. */
    static BufferedImage overPrinted(BufferedImage src, Random random) {
        var out = copy(src);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Rectangle2D.Double card = card(src);
        g.translate(card.getCenterX() + (random.nextDouble() - 0.5) * card.width * 0.3,
                card.getCenterY() + (random.nextDouble() - 0.5) * card.height * 0.3);
        g.rotate((random.nextDouble() - 0.5) * 1.2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (card.width * 0.16)));
        g.setColor(new Color(20, 20, 24));
        String words = "SALE 4.99";
        g.drawString(words, -g.getFontMetrics().stringWidth(words) / 2f, g.getFontMetrics().getAscent() / 3f);
        g.dispose();
        return out;
    }

    /**
     * A glossy TV: its pixel grid, and a window reflected across it, a soft-edged band blown out to near white over
     * about a third of the code.
     */
    static BufferedImage glossyScreen(BufferedImage src, Random random) {
        var out = screenGrid(src, 3);
        Graphics2D g = out.createGraphics();
        Rectangle2D.Double card = card(src);
        g.translate(card.getCenterX() + (random.nextDouble() - 0.5) * card.width * 0.4, card.getCenterY());
        g.rotate(random.nextDouble() * Math.PI);
        float half = (float) (card.width * 0.16);
        g.setPaint(new LinearGradientPaint(-half * 1.6f, 0, half * 1.6f, 0, new float[] {0f, 0.3f, 0.7f, 1f}, new Color[] {
                new Color(255, 255, 255, 0), new Color(252, 252, 255, 240), new Color(252, 252, 255, 240), new Color(255, 255, 255, 0)}));
        g.fill(new Rectangle2D.Double(-half * 1.6, -HEIGHT, half * 3.2, 2.0 * HEIGHT));
        g.dispose();
        return out;
    }

    /** Moiré: a screen's pixel grid near the size of a module, strong enough to beat against the code's own grid. */
    static BufferedImage moire(BufferedImage src, int pitch) {
        var out = copy(src);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0, 0, 0, 120));
        for (int x = 0; x < WIDTH; x += pitch) {
            g.fillRect(x, 0, 1, HEIGHT);
        }
        for (int y = 0; y < HEIGHT; y += pitch) {
            g.fillRect(0, y, WIDTH, 1);
        }
        g.dispose();
        return blur(out, 1);
    }

    /** A code on a bottle: bent round a narrow cylinder, with the bright stripe a bottle's curve reflects along it. */
    static BufferedImage bottle(BufferedImage src, Random random) {
        var out = curve(src, 230, 24);
        Graphics2D g = out.createGraphics();
        Rectangle2D.Double card = card(out);
        float x = (float) (card.x + card.width * (0.3 + 0.4 * random.nextDouble()));
        float half = (float) (card.width * 0.07);
        g.setPaint(new LinearGradientPaint(x - half, 0, x + half, 0, new float[] {0f, 0.5f, 1f}, new Color[] {
                new Color(255, 255, 255, 0), new Color(255, 255, 255, 235), new Color(255, 255, 255, 0)}));
        g.fill(new Rectangle2D.Double(x - half, 0, 2 * half, HEIGHT));
        g.dispose();
        return out;
    }

    /** A hand that moved: a horizontal smear {@code length} px long. */
    static BufferedImage motionBlur(BufferedImage src, int length) {
        return map(src, (x, y, grey) -> {
            int sum = 0;
            for (int dx = 0; dx < length; dx++) {
                sum += grey(src.getRGB(Math.min(src.getWidth() - 1, Math.max(0, x + dx - length / 2)), y));
            }
            return sum / length;
        });
    }

    /** A picture sent through a chat app: JPEG at {@code quality} (0..1). */
    static BufferedImage jpeg(BufferedImage src, float quality) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(quality);
            var bytes = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(src, null, null), params);
            }
            writer.dispose();
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Over- or under-exposed: every grey times {@code gain}, clipped, then lifted by {@code lift}. */
    static BufferedImage exposure(BufferedImage src, double gain, int lift) {
        return map(src, (x, y, grey) -> (int) Math.round(grey * gain + lift));
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
