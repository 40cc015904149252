package org.loupe.ui.widgets;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.loupe.image.RgbU8;
import org.loupe.image.WindowLevel;
import org.loupe.image.volume.SliceRenderer;

/**
 * Shows one rendered slice of a volume, fitted to the view with its pixels stretched to their size in millimetres
 * (a coronal slice of 2.5 mm sections is not squashed) and, for coronal and sagittal slices, the head up, with
 * captions drawn beside their labels. It reports the
 * slice pixel under the pointer and turns the mouse wheel into slice steps.
 */
public final class SliceCanvas extends Canvas {

    private RgbU8 slice;
    private Image image;
    private double pixelWidth = 1;
    private double pixelHeight = 1;
    private boolean bottomUp;
    private List<SliceRenderer.Caption> captions = List.of();
    private ObjIntConsumer<Integer> pointer = (x, y) -> {
    };
    private IntConsumer wheel = steps -> {
    };
    private String empty = "";

    /** An empty canvas. */
    public SliceCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseMove, e -> {
            Point p = toSlice(e.x, e.y);
            pointer.accept(p == null ? null : p.x, p == null ? -1 : p.y);
        });
        addListener(SWT.MouseVerticalWheel, e -> wheel.accept(e.count > 0 ? 1 : -1));
        addListener(SWT.Resize, e -> redraw());
        addListener(SWT.Dispose, e -> disposeImage());
    }

    /**
     * Shows a slice whose pixels are {@code width} x {@code height} mm, its rows bottom to top if {@code upward},
     * with captions in its pixel coordinates.
     */
    public void setSlice(RgbU8 value, double width, double height, boolean upward,
            List<SliceRenderer.Caption> labels) {
        slice = value;
        pixelWidth = width;
        pixelHeight = height;
        bottomUp = upward;
        captions = List.copyOf(labels);
        disposeImage();
        image = new Image(getDisplay(), SwtImages.toImageData(value, WindowLevel.fullRange(value.type()
                .pixelType())));
        redraw();
    }

    /** What an empty canvas says. */
    public void setEmptyText(String text) {
        empty = text;
        redraw();
    }

    /** Hears the slice pixel (column, row) under the pointer; the column is null off the slice. */
    public void onPointer(ObjIntConsumer<Integer> listener) {
        pointer = listener;
    }

    /** Hears wheel turns as +1 (the next slice) or -1 (the previous one). */
    public void onWheel(IntConsumer listener) {
        wheel = listener;
    }

    /** Where the slice sits on screen: x, y, width, height. */
    private double[] frame() {
        Rectangle area = getClientArea();
        double w = slice.width() * pixelWidth;
        double h = slice.height() * pixelHeight;
        double scale = Math.max(1e-3, Math.min(area.width / w, area.height / h));
        return new double[] {(area.width - w * scale) / 2, (area.height - h * scale) / 2, w * scale, h * scale};
    }

    private Point toSlice(int sx, int sy) {
        if (slice == null) {
            return null;
        }
        double[] f = frame();
        int x = (int) Math.floor((sx - f[0]) / f[2] * slice.width());
        int y = (int) Math.floor((sy - f[1]) / f[3] * slice.height());
        if (x < 0 || y < 0 || x >= slice.width() || y >= slice.height()) {
            return null;
        }
        return new Point(x, bottomUp ? slice.height() - 1 - y : y);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        if (image == null) {
            gc.drawText(empty, 20, 20, true);
            return;
        }
        double[] f = frame();
        gc.setInterpolation(SWT.LOW);
        Transform mirror = new Transform(getDisplay());
        try {
            if (bottomUp) {
                mirror.translate(0, (float) (2 * f[1] + f[3]));
                mirror.scale(1, -1);
                gc.setTransform(mirror);
            }
            gc.drawImage(image, 0, 0, slice.width(), slice.height(), (int) Math.round(f[0]),
                    (int) Math.round(f[1]), (int) Math.round(f[2]), (int) Math.round(f[3]));
        } finally {
            gc.setTransform(null);
            mirror.dispose();
        }
        for (SliceRenderer.Caption c : captions) {
            double row = bottomUp ? slice.height() - 1 - c.y() : c.y();
            int x = (int) Math.round(f[0] + (c.x() + 0.5) / slice.width() * f[2]);
            int y = (int) Math.round(f[1] + (row + 0.5) / slice.height() * f[3]);
            // offset from the lesion so the text never covers what it names
            gc.drawText(c.text(), x + 12, y - 8, true);
            gc.drawLine(x + 2, y - 2, x + 10, y - 6);
        }
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
