package org.loupe.cli.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.loupe.image.io.AtomicFiles;
import org.loupe.numerics.noise.NoiseStats;
import org.loupe.numerics.stats.Histogram;

/**
 * Draws noise histograms as densities (solid) with their fitted Gaussians (dashed), one colour per set, over the
 * range mean +- 4 sigma of the widest set; written as PNG.
 */
final class HistogramPlot {

    private static final int DISPLAY_BINS = 120;
    private static final int W = 960;
    private static final int H = 540;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

    private HistogramPlot() {
    }

    static void write(List<NoiseStats> sets, Path file) throws IOException {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double top = 0;
        for (NoiseStats s : sets) {
            lo = Math.min(lo, s.fit().mean() - 4 * s.fit().sigma());
            hi = Math.max(hi, s.fit().mean() + 4 * s.fit().sigma());
            top = Math.max(top, 1 / (s.fit().sigma() * Math.sqrt(2 * Math.PI)));
            Histogram h = forDisplay(s.histogram(), s.fit().mean() - 4 * s.fit().sigma(),
                    s.fit().mean() + 4 * s.fit().sigma());
            for (int i = 0; i < h.counts().length; i++) {
                top = Math.max(top, density(h, i));
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        top *= 1.1;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        axes(g, lo, hi, top);
        for (int k = 0; k < sets.size(); k++) {
            curves(g, sets.get(k), COLOURS[k % COLOURS.length], lo, hi, top, k);
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }

    private static double density(Histogram h, int i) {
        return h.counts()[i] / (h.total() * h.binWidth());
    }

    private static double sx(double x, double lo, double hi) {
        return LEFT + (x - lo) / (hi - lo) * (W - LEFT - RIGHT);
    }

    private static double sy(double y, double top) {
        return H - BOTTOM - y / top * (H - TOP - BOTTOM);
    }

    private static void axes(Graphics2D g, double lo, double hi, double top) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawLine(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, H - BOTTOM);
        for (int i = 0; i <= 8; i++) {
            double x = lo + i * (hi - lo) / 8;
            int px = (int) sx(x, lo, hi);
            g.drawLine(px, H - BOTTOM, px, H - BOTTOM + 5);
            String label = String.format(Locale.ROOT, Math.abs(hi - lo) >= 20 ? "%.0f" : "%.3g", x);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, H - BOTTOM + 20);
        }
        g.drawString("clean - noisy (pixel value difference)", W / 2 - 110, H - 15);
        g.drawString("density", 10, TOP - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Noise: histograms (solid) and fitted Gaussians (dashed)", LEFT, 25);
    }

    /** Merges neighbouring bins so that about {@value #DISPLAY_BINS} bars span the plotted range. */
    static Histogram forDisplay(Histogram h, double lo, double hi) {
        int merge = (int) Math.max(1, Math.round((hi - lo) / DISPLAY_BINS / h.binWidth()));
        long[] merged = new long[(h.counts().length + merge - 1) / merge];
        for (int i = 0; i < h.counts().length; i++) {
            merged[i / merge] += h.counts()[i];
        }
        return new Histogram(h.start(), h.binWidth() * merge, merged);
    }

    private static void curves(Graphics2D g, NoiseStats s, Color c, double lo, double hi, double top, int row) {
        Histogram h = forDisplay(s.histogram(), lo, hi);
        Path2D.Double hist = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < h.counts().length; i++) {
            double x0 = h.edge(i);
            double x1 = h.edge(i + 1);
            if (x1 < lo || x0 > hi) {
                continue;
            }
            double y = sy(density(h, i), top);
            if (!started) {
                hist.moveTo(sx(Math.max(x0, lo), lo, hi), sy(0, top));
                started = true;
            }
            hist.lineTo(sx(Math.max(x0, lo), lo, hi), y);
            hist.lineTo(sx(Math.min(x1, hi), lo, hi), y);
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(hist);
        Path2D.Double fit = new Path2D.Double();
        for (int i = 0; i <= 400; i++) {
            double x = lo + i * (hi - lo) / 400;
            double z = (x - s.fit().mean()) / s.fit().sigma();
            double y = Math.exp(-0.5 * z * z) / (s.fit().sigma() * Math.sqrt(2 * Math.PI));
            if (i == 0) {
                fit.moveTo(sx(x, lo, hi), sy(y, top));
            } else {
                fit.lineTo(sx(x, lo, hi), sy(y, top));
            }
        }
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {8, 6}, 0));
        g.draw(fit);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(String.format(Locale.ROOT, "%s: mean %.2f, sigma %.2f, KS D %.4f (%d pairs)", s.name(),
                s.fit().mean(), s.fit().sigma(), s.fit().ksDistance(), s.pairs()), W - 520, TOP + 20 * row + 10);
    }
}
