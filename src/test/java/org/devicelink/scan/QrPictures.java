package org.devicelink.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.devicelink.device.QrCode;

/** Pictures with QR codes where a person meets them: a desktop with a chat window, a page with two codes. */
public final class QrPictures {

    private QrPictures() {}

    /** Where the device's QR sits on {@link #desktop}: its top-left corner, quiet zone included. */
    public static final int DEVICE_QR_X = 1300;
    public static final int DEVICE_QR_Y = 400;

    /**
     * Draws the QR of {@code text} with its top-left corner at (x, y), modules of {@code module} pixels (a fraction
     * of a pixel is drawn smoothed, as a scaled-down screenshot is).
     */
    public static void draw(Graphics2D g, String text, int x, int y, double module) {
        var qr = QrCode.of(text);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int my = 0; my < qr.size(); my++) {
            for (int mx = 0; mx < qr.size(); mx++) {
                if (qr.dark(mx, my)) {
                    g.fill(new Rectangle2D.Double(x + mx * module, y + my * module, module, module));
                }
            }
        }
    }

    /** A white page with two codes side by side: {@code left} first, as a reader meets it. */
    public static Path twoCodes(String left, String right, Path file) throws IOException {
        var page = new BufferedImage(900, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 450);
        draw(g, left, 40, 60, 5);
        draw(g, right, 480, 60, 5);
        g.dispose();
        ImageIO.write(page, "png", file.toFile());
        return file;
    }

    /**
     * A 1920x1080 desktop: a coloured background with an app-store QR on a web page, and a white chat window where
     * a customer's screenshot shows the device's QR in {@code module}-pixel modules.
     */
    public static Path desktop(String deviceLink, double module, Path file) throws IOException {
        var desktop = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = desktop.createGraphics();
        g.setColor(new Color(40, 60, 90));
        g.fillRect(0, 0, 1920, 1080);
        g.setColor(Color.WHITE);
        g.fillRect(100, 100, 700, 600);
        draw(g, "https://apps.example.com/get-devicelink", 200, 200, 4);
        g.setColor(Color.WHITE);
        g.fillRect(1200, 300, 600, 700);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Customer: here is what my TV shows", 1220, 330);
        draw(g, deviceLink, DEVICE_QR_X, DEVICE_QR_Y, module);
        g.dispose();
        ImageIO.write(desktop, "png", file.toFile());
        return file;
    }
}
