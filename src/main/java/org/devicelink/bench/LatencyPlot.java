package org.devicelink.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.devicelink.i18n.Messages;

/** Latency over the run, one colour per operation: p50 as a solid line, p99 dashed, on a logarithmic axis. */
final class LatencyPlot {

    private static final List<Color> COLOURS = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 640;
    private static final int LEFT = 80;
    private static final int RIGHT = 260;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private LatencyPlot() {}

    static void write(Path file, String title, Map<String, double[][]> series) throws IOException {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int seconds = series.values().stream().mapToInt(s -> s.length).max().orElse(1);
        double max = 1;
        for (double[][] points : series.values()) {
            for (double[] p : points) {
                if (p != null) {
                    max = Math.max(max, p[1]);
                }
            }
        }
        double minLog = Math.log10(0.1);
        double maxLog = Math.ceil(Math.log10(max));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (double decade = minLog; decade <= maxLog; decade++) { // horizontal grid at 0.1, 1, 10, … ms
            int y = TOP + plotH - (int) ((decade - minLog) / (maxLog - minLog) * plotH);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            double ms = Math.pow(10, decade);
            g.drawString(ms < 1 ? String.format("%.1f ms", ms) : String.format("%.0f ms", ms), 10, y + 4);
        }
        int step = Math.max(1, seconds / 10);
        for (int s = 0; s <= seconds; s += step) {
            int x = LEFT + (int) ((double) s / seconds * plotW);
            g.setColor(Color.DARK_GRAY);
            g.drawString(s + " s", x - 8, TOP + plotH + 20);
        }
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(Messages.get("bench.plot.axis"), LEFT + plotW / 2 - 60, HEIGHT - 15);
        int index = 0;
        for (var entry : series.entrySet()) {
            Color colour = COLOURS.get(index % COLOURS.size());
            for (int which = 0; which < 2; which++) {
                g.setColor(colour);
                g.setStroke(which == 0 ? new BasicStroke(2f)
                        : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
                int lastX = -1;
                int lastY = -1;
                double[][] points = entry.getValue();
                for (int s = 0; s < points.length; s++) {
                    if (points[s] == null) {
                        lastX = -1;
                        continue;
                    }
                    double log = Math.max(minLog, Math.log10(Math.max(points[s][which], 0.1)));
                    int x = LEFT + (int) ((s + 0.5) / seconds * plotW);
                    int y = TOP + plotH - (int) ((log - minLog) / (maxLog - minLog) * plotH);
                    if (lastX >= 0) {
                        g.drawLine(lastX, lastY, x, y);
                    } else {
                        g.fillOval(x - 2, y - 2, 4, 4);
                    }
                    lastX = x;
                    lastY = y;
                }
            }
            int legendY = TOP + 10 + index * 22;
            g.setStroke(new BasicStroke(2f));
            g.drawLine(LEFT + plotW + 15, legendY, LEFT + plotW + 40, legendY);
            g.setColor(Color.BLACK);
            g.drawString(Samples.name(entry.getKey()), LEFT + plotW + 48, legendY + 5);
            index++;
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(Messages.get("bench.plot.legend"), LEFT + plotW + 15, TOP + 20 + index * 22);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
