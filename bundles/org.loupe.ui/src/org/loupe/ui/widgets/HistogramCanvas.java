package org.loupe.ui.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.WindowLevel;

/**
 * The histogram of an image (every band, 256 bins from its minimum to its maximum; an 8-bit image's bins are its
 * values), drawn on a logarithmic count axis so that a few dark pixels show beside a bright background, with the
 * display window's bounds as two yellow lines.
 */
public final class HistogramCanvas extends Canvas {

    /** How many bins. */
    public static final int BINS = 256;

    private long[] counts = new long[BINS];
    private double low;
    private double high = 1;
    private WindowLevel window;

    /** An empty histogram. */
    public HistogramCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> redraw());
    }

    /** Counts an image's values (null clears). */
    public void setImage(PixelImage image) {
        counts = new long[BINS];
        if (image == null) {
            redraw();
            return;
        }
        boolean bytes = image.type().pixelType() == PixelType.UINT8;
        double min = bytes ? 0 : Double.POSITIVE_INFINITY;
        double max = bytes ? 255 : Double.NEGATIVE_INFINITY;
        if (!bytes) {
            for (int b = 0; b < image.bands(); b++) {
                for (int y = 0; y < image.height(); y++) {
                    for (int x = 0; x < image.width(); x++) {
                        double v = image.getFloat(x, y, b);
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        low = min;
        high = max > min ? max : min + 1;
        for (int b = 0; b < image.bands(); b++) {
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    counts[bin(image.getFloat(x, y, b))]++;
                }
            }
        }
        redraw();
    }

    /** Shows the display window's bounds. */
    public void setWindow(WindowLevel value) {
        window = value;
        redraw();
    }

    /** The counts per bin (for the self-test). */
    public long[] counts() {
        return counts.clone();
    }

    /** The value range the bins span, {low, high}. */
    public double[] range() {
        return new double[] {low, high};
    }

    /** The x position, in the canvas, at which a value is drawn. */
    public int xOf(double value) {
        Rectangle a = getClientArea();
        return (int) Math.round((value - low) / (high - low) * (a.width - 1));
    }

    private int bin(double v) {
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor((v - low) / (high - low) * BINS)));
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.fillRectangle(a);
        long most = 1;
        for (long c : counts) {
            most = Math.max(most, c);
        }
        double top = Math.log1p(most);
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
        for (int i = 0; i < BINS; i++) {
            int x0 = a.x + i * a.width / BINS;
            int x1 = a.x + (i + 1) * a.width / BINS;
            int h = (int) Math.round(Math.log1p(counts[i]) / top * (a.height - 2));
            gc.fillRectangle(x0, a.y + a.height - h, Math.max(1, x1 - x0), h);
        }
        if (window != null) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_YELLOW));
            gc.setLineWidth(2);
            for (double v : new double[] {window.low(), window.high()}) {
                int x = xOf(v);
                gc.drawLine(x, a.y, x, a.y + a.height);
            }
        }
    }
}
