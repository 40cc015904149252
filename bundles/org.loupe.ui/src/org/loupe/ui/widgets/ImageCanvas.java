package org.loupe.ui.widgets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.loupe.image.PixelImage;
import org.loupe.image.WindowLevel;
import org.loupe.ui.Mark;

/**
 * Shows an image and, optionally, a processed version of it: one or the other, or both split by a draggable divider
 * (before on the left, after on the right, at the same position and zoom even if the result has another size).
 * Mouse wheel zooms about the pointer, left drag pans (or moves the divider when grabbed), Ctrl+left drag draws a
 * rectangular region of interest, Ctrl+Shift+clicks a polygon (closed on its first corner), Shift+left drag a line
 * to measure, right drag changes the
 * window (horizontal: width, vertical: level), double click or 0 fits the image, + and - zoom, the arrows pan,
 * Escape clears the region; a fitted view stays fitted when the
 * canvas is resized. Marks (detections, patch decisions) are drawn over either image in the input's coordinates,
 * their labels placed where they hide no other label; the readout, in the shown image's coordinates, follows the
 * image under a still pointer and names the marks under it.
 */
public final class ImageCanvas extends Canvas {

    /** What the canvas shows. */
    public enum Mode { BEFORE, AFTER, SPLIT }

    private static final int DIVIDER_GRAB = 6;

    private PixelImage before;
    private PixelImage after;
    private Image beforeImage;
    private Image afterImage;
    private WindowLevel window = new WindowLevel(0, 255);
    private Mode mode = Mode.BEFORE;
    private double zoom = 1;
    private double originX;
    private double originY;
    private double divider = 0.5;
    private String afterName = "result";
    /** Whether the view is fitted to the canvas: a resize re-fits it until the user zooms or pans. */
    private boolean fitted = true;
    /** Where the pointer was last seen over the canvas, or null once it left. */
    private Point pointer;
    private Point dragStart;
    private int dragButton;
    private boolean draggingDivider;
    private WindowLevel dragWindow;
    private Consumer<String> readout = s -> { };
    private Consumer<WindowLevel> windowListener = w -> { };
    private List<Mark> marks = List.of();
    private boolean marksVisible = true;
    private final List<Rectangle> labels = new ArrayList<>();
    private final MarkPainter painter;
    private Mark selected;
    private MarkPainter.TruthMarks truth;
    private Consumer<Mark> markClicked = m -> { };
    private Consumer<Rectangle> roiListener = r -> { };
    private Point roiStart;
    private Rectangle roi;
    private double[] lineStart;
    private boolean polygonClick;
    private final List<double[]> polygon = new ArrayList<>();
    private boolean polygonClosed;
    private Consumer<double[]> polygonListener = p -> { };
    private double[] line;
    private Consumer<double[]> lineListener = l -> { };

    /** A canvas with no image. */
    public ImageCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        painter = new MarkPainter(getDisplay());
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseDown, this::down);
        addListener(SWT.MouseUp, this::up);
        addListener(SWT.MouseMove, this::move);
        addListener(SWT.MouseDoubleClick, e -> fit());
        addListener(SWT.Resize, e -> {
            if (fitted) {
                fit();
            }
            redraw();
        });
        addListener(SWT.MouseExit, e -> pointer = null);
        addListener(SWT.KeyDown, this::key);
        // a canvas takes keys only when it has the focus: give it on a click, as image viewers do
        addListener(SWT.MouseDown, e -> setFocus());
        addListener(SWT.Dispose, e -> {
            disposeImages();
            painter.dispose();
        });
    }

    /** Shows a new image pair; {@code after} may be null. Fits the view when the input changes. */
    public void setImages(PixelImage newBefore, PixelImage newAfter) {
        boolean refit = newBefore != before;
        if (newBefore == null || before == null || newBefore.width() != before.width()
                || newBefore.height() != before.height()) {
            roi = null; // a region of another image's size means nothing here
            line = null;
            polygon.clear();
        }
        before = newBefore;
        after = newAfter;
        rebuild();
        if (refit) {
            fit();
        }
        redraw();
        reportAgain();
    }

    /** What the second image is called in the read-out: "result" or "reference". */
    public void setAfterName(String value) {
        afterName = value;
        reportAgain();
    }

    /** The marks drawn over the image, in its pixel coordinates. */
    public void setMarks(List<Mark> value) {
        marks = List.copyOf(value);
        redraw();
    }

    /** Shows or hides the marks. */
    public void setMarksVisible(boolean value) {
        marksVisible = value;
        redraw();
    }

    /** The display window applied to both images. */
    public void setWindow(WindowLevel value) {
        window = value;
        rebuild();
        redraw();
    }

    /** The current display window. */
    public WindowLevel window() {
        return window;
    }

    /** Chooses what is shown. */
    public void setMode(Mode value) {
        mode = value;
        redraw();
        reportAgain();
    }

    /** Highlights one mark (null for none), bringing it into view if it lies outside. */
    public void setSelected(Mark mark) {
        selected = mark;
        if (mark != null && before != null) {
            Rectangle area = getClientArea();
            Point a = toCanvas(mark.x1(), mark.y1());
            Point b = toCanvas(mark.x2(), mark.y2());
            if (a.x < 0 || a.y < 0 || b.x > area.width || b.y > area.height) {
                originX += area.width / 2.0 - (a.x + b.x) / 2.0;
                originY += area.height / 2.0 - (a.y + b.y) / 2.0;
                fitted = false;
            }
        }
        redraw();
    }

    /** Lays the ground truth over the detections (null to take it away). */
    public void setTruth(MarkPainter.TruthMarks value) {
        truth = value;
        redraw();
    }

    /** Hears a region of interest drawn with Ctrl+drag, in input pixels, clipped to the image; null when cleared. */
    public void onRoi(Consumer<Rectangle> listener) {
        roiListener = listener;
    }

    /** Hears a polygon closed with Ctrl+Shift+clicks: x0, y0, x1, y1, ... in input pixel coordinates. */
    public void onPolygon(Consumer<double[]> listener) {
        polygonListener = listener;
    }

    /** Adds a corner at a canvas point, or closes the polygon when the point is on its first corner. */
    private void corner(int sx, int sy) {
        if (polygonClosed) {
            polygon.clear();
            polygonClosed = false;
        }
        if (polygon.size() >= 3) {
            Point first = toCanvas(polygon.get(0)[0], polygon.get(0)[1]);
            if (Math.abs(first.x - sx) <= 8 && Math.abs(first.y - sy) <= 8) {
                polygonClosed = true;
                double[] xy = new double[polygon.size() * 2];
                for (int i = 0; i < polygon.size(); i++) {
                    xy[2 * i] = polygon.get(i)[0];
                    xy[2 * i + 1] = polygon.get(i)[1];
                }
                redraw();
                polygonListener.accept(xy);
                return;
            }
        }
        polygon.add(new double[] {(sx - originX) / zoom, (sy - originY) / zoom});
        redraw();
    }

    /** Hears a line drawn with Shift+drag, {x0, y0, x1, y1} in input pixel coordinates. */
    public void onLine(Consumer<double[]> listener) {
        lineListener = listener;
    }

    /** The region of interest, in input pixels, or null. */
    public Rectangle roi() {
        return roi;
    }

    /** Sets or clears (null) the region of interest, as Ctrl+drag does, and tells the listener. */
    public void setRoi(Rectangle value) {
        roi = value;
        redraw();
        roiListener.accept(value);
    }

    /** The input pixel under a canvas point, clamped to the image's edges (a drag may end outside it). */
    private Point imagePoint(int sx, int sy) {
        int x = (int) Math.round((sx - originX) / zoom);
        int y = (int) Math.round((sy - originY) / zoom);
        return new Point(Math.max(0, Math.min(before.width(), x)), Math.max(0, Math.min(before.height(), y)));
    }

    /** Hears a click on a mark. */
    public void onMarkClicked(Consumer<Mark> listener) {
        markClicked = listener;
    }

    /** Where an input pixel position is on the canvas. */
    public Point toCanvas(double x, double y) {
        return new Point((int) Math.round(originX + x * zoom), (int) Math.round(originY + y * zoom));
    }

    /** The current zoom, screen pixels per input pixel. */
    public double zoom() {
        return zoom;
    }

    /** Where the marks' labels were drawn at the last paint, in canvas pixels. */
    public List<Rectangle> labelBounds() {
        return List.copyOf(labels);
    }

    /** Receives a description of the pixel under the pointer. */
    public void onReadout(Consumer<String> listener) {
        readout = listener;
    }

    /** Hears window changes made with the mouse. */
    public void onWindowChange(Consumer<WindowLevel> listener) {
        windowListener = listener;
    }

    /** Zooms so the whole image fits, centred. */
    public void fit() {
        if (before == null) {
            return;
        }
        Rectangle area = getClientArea();
        zoom = Math.max(1e-3, Math.min(area.width / (double) before.width(), area.height / (double) before.height()));
        originX = (area.width - before.width() * zoom) / 2;
        originY = (area.height - before.height() * zoom) / 2;
        fitted = true;
        redraw();
        reportAgain();
    }

    private void rebuild() {
        disposeImages();
        if (before != null) {
            beforeImage = new Image(getDisplay(), SwtImages.toImageData(before, window));
        }
        if (after != null) {
            afterImage = new Image(getDisplay(), SwtImages.toImageData(after, window));
        }
    }

    private void disposeImages() {
        if (beforeImage != null) {
            beforeImage.dispose();
            beforeImage = null;
        }
        if (afterImage != null) {
            afterImage.dispose();
            afterImage = null;
        }
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.fillRectangle(area);
        if (beforeImage == null) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
            gc.drawText("File > Open... or File > Open Sample... to start", 20, 20, true);
            return;
        }
        gc.setInterpolation(zoom >= 1 ? SWT.NONE : SWT.LOW);
        boolean showAfter = afterImage != null && mode != Mode.BEFORE;
        int split = (int) (area.width * divider);
        if (mode == Mode.SPLIT && showAfter) {
            gc.setClipping(0, 0, split, area.height);
            draw(gc, beforeImage, before);
            gc.setClipping(split, 0, area.width - split, area.height);
            draw(gc, afterImage, after);
            gc.setClipping((Rectangle) null);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_YELLOW));
            gc.setLineWidth(2);
            gc.drawLine(split, 0, split, area.height);
        } else {
            draw(gc, showAfter ? afterImage : beforeImage, showAfter ? after : before);
        }
        if (marksVisible) {
            drawMarks(gc);
        }
        if (!polygon.isEmpty()) {
            gc.setAlpha(255);
            gc.setLineWidth(1);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_CYAN));
            int[] xy = new int[polygon.size() * 2];
            for (int i = 0; i < polygon.size(); i++) {
                Point p = toCanvas(polygon.get(i)[0], polygon.get(i)[1]);
                xy[2 * i] = p.x;
                xy[2 * i + 1] = p.y;
            }
            if (polygonClosed) {
                gc.drawPolygon(xy);
            } else {
                gc.drawPolyline(xy);
            }
        }
        if (line != null) {
            gc.setAlpha(255);
            gc.setLineWidth(2);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_MAGENTA));
            Point a = toCanvas(line[0], line[1]);
            Point b = toCanvas(line[2], line[3]);
            gc.drawLine(a.x, a.y, b.x, b.y);
        }
        if (roi != null) {
            Point a = toCanvas(roi.x, roi.y);
            Point b = toCanvas(roi.x + roi.width, roi.y + roi.height);
            gc.setAlpha(255);
            gc.setLineWidth(1);
            gc.setLineStyle(SWT.LINE_DASH);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_CYAN));
            gc.drawRectangle(a.x, a.y, Math.max(1, b.x - a.x), Math.max(1, b.y - a.y));
            gc.setLineStyle(SWT.LINE_SOLID);
        }
    }

    private void drawMarks(GC gc) {
        labels.clear();
        labels.addAll(painter.paint(gc, marks, zoom, originX, originY, getClientArea(), selected, truth));
    }

    /** Draws an image in the before image's frame: a result of another size is stretched onto the same area. */
    private void draw(GC gc, Image img, PixelImage pixels) {
        double sx = before.width() / (double) pixels.width();
        double sy = before.height() / (double) pixels.height();
        Rectangle area = getClientArea();
        int x0 = (int) Math.max(0, Math.floor(-originX / (zoom * sx)));
        int y0 = (int) Math.max(0, Math.floor(-originY / (zoom * sy)));
        int x1 = (int) Math.min(pixels.width(), Math.ceil((area.width - originX) / (zoom * sx)));
        int y1 = (int) Math.min(pixels.height(), Math.ceil((area.height - originY) / (zoom * sy)));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        int dx = (int) Math.round(originX + x0 * sx * zoom);
        int dy = (int) Math.round(originY + y0 * sy * zoom);
        int dw = (int) Math.round(originX + x1 * sx * zoom) - dx;
        int dh = (int) Math.round(originY + y1 * sy * zoom) - dy;
        gc.drawImage(img, x0, y0, x1 - x0, y1 - y0, dx, dy, Math.max(1, dw), Math.max(1, dh));
    }

    private void wheel(Event e) {
        zoomAbout(e.count > 0 ? 1.25 : 0.8, e.x, e.y);
        report(e.x, e.y);
    }

    private void zoomAbout(double factor, int x, int y) {
        double newZoom = Math.max(1e-3, Math.min(64, zoom * factor));
        originX = x - (x - originX) * newZoom / zoom;
        originY = y - (y - originY) * newZoom / zoom;
        zoom = newZoom;
        fitted = false;
        redraw();
    }

    /** +/- zoom about the centre, 0 fits, the arrows pan by a tenth of the view, Escape clears the region. */
    private void key(Event e) {
        Rectangle a = getClientArea();
        switch (e.character) {
            case '+', '=' -> zoomAbout(1.25, a.width / 2, a.height / 2);
            case '-' -> zoomAbout(0.8, a.width / 2, a.height / 2);
            case '0' -> fit();
            default -> {
                int dx = e.keyCode == SWT.ARROW_LEFT ? 1 : e.keyCode == SWT.ARROW_RIGHT ? -1 : 0;
                int dy = e.keyCode == SWT.ARROW_UP ? 1 : e.keyCode == SWT.ARROW_DOWN ? -1 : 0;
                if (dx != 0 || dy != 0) {
                    originX += dx * a.width / 10.0;
                    originY += dy * a.height / 10.0;
                    fitted = false;
                    redraw();
                } else if (e.keyCode == SWT.ESC && roi != null) {
                    setRoi(null);
                }
            }
        }
    }

    private void down(Event e) {
        dragStart = new Point(e.x, e.y);
        dragButton = e.button;
        // Ctrl+drag draws a region of interest, as the rectangle tool of Fiji does; Shift+drag a line to measure
        // and Ctrl+Shift+click adds a corner of a polygon, closed by a click on its first corner
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        boolean shift = (e.stateMask & SWT.SHIFT) != 0;
        polygonClick = e.button == 1 && ctrl && shift && before != null;
        roiStart = e.button == 1 && ctrl && !shift && before != null ? imagePoint(e.x, e.y) : null;
        lineStart = e.button == 1 && shift && !ctrl && before != null
                ? new double[] {(e.x - originX) / zoom, (e.y - originY) / zoom} : null;
        draggingDivider = e.button == 1 && mode == Mode.SPLIT && after != null
                && Math.abs(e.x - getClientArea().width * divider) <= DIVIDER_GRAB;
        dragWindow = window;
    }

    /** A click (no drag) on a mark chooses it: the smallest box under the pointer (a patch must not hide a defect). */
    private void up(Event e) {
        if (polygonClick) {
            polygonClick = false;
            dragStart = null;
            corner(e.x, e.y);
            return;
        }
        if (lineStart != null) {
            lineStart = null;
            dragStart = null;
            lineListener.accept(line);
            return;
        }
        if (roiStart != null) {
            roiStart = null;
            dragStart = null;
            Rectangle r = roi;
            roiListener.accept(r != null && r.width > 0 && r.height > 0 ? r : null);
            return;
        }
        boolean click = dragStart != null && e.button == 1 && Math.abs(e.x - dragStart.x) <= 2
                && Math.abs(e.y - dragStart.y) <= 2 && !draggingDivider;
        dragStart = null;
        if (click && marksVisible) {
            double ix = (e.x - originX) / zoom;
            double iy = (e.y - originY) / zoom;
            marks.stream().filter(m -> m.contains(ix, iy)).min(java.util.Comparator.comparingDouble(m ->
                    (m.x2() - m.x1()) * (m.y2() - m.y1()))).ifPresent(markClicked);
        }
    }

    private void move(Event e) {
        if (dragStart != null) {
            drag(e);
        }
        pointer = new Point(e.x, e.y);
        report(e.x, e.y);
        int splitX = (int) (getClientArea().width * divider);
        setCursor(getDisplay().getSystemCursor(mode == Mode.SPLIT && after != null
                && Math.abs(e.x - splitX) <= DIVIDER_GRAB ? SWT.CURSOR_SIZEWE : SWT.CURSOR_ARROW));
    }

    private void drag(Event e) {
        int dx = e.x - dragStart.x;
        int dy = e.y - dragStart.y;
        if (lineStart != null) {
            line = new double[] {lineStart[0], lineStart[1], (e.x - originX) / zoom, (e.y - originY) / zoom};
            redraw();
            return;
        }
        if (roiStart != null) {
            Point p = imagePoint(e.x, e.y);
            roi = new Rectangle(Math.min(roiStart.x, p.x), Math.min(roiStart.y, p.y), Math.abs(p.x - roiStart.x),
                    Math.abs(p.y - roiStart.y));
            redraw();
            return;
        }
        if (dragButton == 3 && dragWindow != null) {
            // right drag: width grows to the right, level rises upwards, scaled to the window's own size
            double width = Math.max(1e-6, dragWindow.width() * Math.exp(dx / 200.0));
            double level = dragWindow.level() - dy * dragWindow.width() / 400.0;
            setWindow(new WindowLevel(level - width / 2, level + width / 2));
            windowListener.accept(window);
            return;
        }
        if (draggingDivider) {
            divider = Math.max(0.02, Math.min(0.98, e.x / (double) Math.max(1, getClientArea().width)));
        } else {
            originX += dx;
            originY += dy;
            fitted = false;
            dragStart = new Point(e.x, e.y);
        }
        redraw();
    }

    /** Describes the pixel under the pointer again: the image, view or window changed under a still pointer. */
    private void reportAgain() {
        if (pointer != null) {
            report(pointer.x, pointer.y);
        } else if (before == null) {
            readout.accept("");
        }
    }

    /**
     * Describes the pixel under the pointer in the coordinates of the image shown there (the result's own pixels in
     * Result view), with the other image's value at the same place.
     */
    private void report(int sx, int sy) {
        if (before == null) {
            readout.accept("");
            return;
        }
        double ix = (sx - originX) / zoom;
        double iy = (sy - originY) / zoom;
        int x = (int) Math.floor(ix);
        int y = (int) Math.floor(iy);
        String zoomText = String.format(Locale.ROOT, "  zoom %.0f%%", zoom * 100);
        if (x < 0 || y < 0 || x >= before.width() || y >= before.height()) {
            readout.accept(zoomText.strip());
            return;
        }
        boolean afterShown = after != null && (mode == Mode.AFTER || mode == Mode.SPLIT
                && sx >= getClientArea().width * divider);
        StringBuilder s = new StringBuilder();
        if (afterShown) {
            int ax = Math.min(after.width() - 1, (int) (ix * after.width() / before.width()));
            int ay = Math.min(after.height() - 1, (int) (iy * after.height() / before.height()));
            s.append(String.format(Locale.ROOT, "x %d  y %d  %s %s", ax, ay, afterName, value(after, ax, ay)));
            s.append(after.width() == before.width() && after.height() == before.height()
                    ? "  input " + value(before, x, y)
                    : String.format(Locale.ROOT, "  (input %s at %d, %d)", value(before, x, y), x, y));
        } else {
            s.append(String.format(Locale.ROOT, "x %d  y %d  input %s", x, y, value(before, x, y)));
            if (after != null && after.width() == before.width() && after.height() == before.height()) {
                s.append("  ").append(afterName).append(' ').append(value(after, x, y));
            }
        }
        s.append(zoomText);
        if (marksVisible) {
            marks.stream().filter(m -> m.contains(ix, iy)).forEach(m -> s.append("  |  ").append(m.describe()));
        }
        readout.accept(s.toString());
    }

    private static String value(PixelImage img, int x, int y) {
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < img.bands(); b++) {
            float v = img.getFloat(x, y, b);
            s.append(b == 0 ? "" : " ").append(img.type().pixelType().isInteger() ? String.valueOf((int) v)
                    : String.format(Locale.ROOT, "%.4g", v));
        }
        return s.toString();
    }
}
