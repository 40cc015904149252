package org.loupe.ui.widgets;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.loupe.api.TrainingEvent;

/**
 * The training loss (blue) and validation loss (orange dots) against the iteration, on a logarithmic loss axis so
 * that the slow late improvements stay visible next to the fast early ones.
 */
public final class LossPlot extends Canvas {

    private static final int MARGIN = 48;

    private List<TrainingEvent> events = List.of();

    /** An empty plot. */
    public LossPlot(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
    }

    /** Shows these events and repaints. */
    public void show(List<TrainingEvent> newEvents) {
        events = List.copyOf(newEvents);
        redraw();
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        int w = area.width - 2 * MARGIN;
        int h = area.height - MARGIN;
        if (w < 20 || h < 20) {
            return;
        }
        gc.drawRectangle(MARGIN, MARGIN / 2, w, h);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long last = 1;
        for (TrainingEvent e : events) {
            for (double v : new double[] {e.loss(), e.validationLoss()}) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            last = Math.max(last, e.iterations());
        }
        if (lo > hi) {
            gc.drawString("no progress yet", MARGIN + 8, MARGIN / 2 + 8, true);
            return;
        }
        double top = Math.log10(hi) + 0.05;
        double bottom = Math.log10(lo) - 0.05;
        gc.drawString(String.format("%.3g", Math.pow(10, top)), 2, MARGIN / 2, true);
        gc.drawString(String.format("%.3g", Math.pow(10, bottom)), 2, MARGIN / 2 + h - 14, true);
        gc.drawString("iteration " + last, MARGIN + w - 100, MARGIN / 2 + h + 4, true);
        gc.setLineWidth(2);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLUE));
        int[] prev = null;
        for (TrainingEvent e : events) {
            int[] p = point(e.iteration(), e.loss(), last, top, bottom, w, h);
            if (p != null && prev != null) {
                gc.drawLine(prev[0], prev[1], p[0], p[1]);
            }
            prev = p == null ? prev : p;
        }
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW));
        for (TrainingEvent e : events) {
            int[] p = point(e.iteration(), e.validationLoss(), last, top, bottom, w, h);
            if (p != null) {
                gc.fillOval(p[0] - 4, p[1] - 4, 8, 8);
            }
        }
    }

    private static int[] point(long iteration, double loss, long last, double top, double bottom, int w, int h) {
        if (!(loss > 0) || !Double.isFinite(loss)) {
            return null;
        }
        int x = MARGIN + (int) Math.round(w * iteration / (double) last);
        int y = MARGIN / 2 + (int) Math.round(h * (top - Math.log10(loss)) / (top - bottom));
        return new int[] {x, y};
    }
}
