package org.loupe.ui.widgets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.loupe.api.Detection;
import org.loupe.image.PixelImage;
import org.loupe.image.WindowLevel;
import org.loupe.metrics.detection.ImageErrors;
import org.loupe.ui.Mark;

/**
 * Draws marks the way the image view shows them, on the screen or into a saved picture: passing patches as faint
 * outlines, failing patches filled, detections boxed in their class's colour with labels placed apart, the chosen
 * mark outlined in yellow. Owns its colours; dispose it with its display's widgets.
 */
public final class MarkPainter {

    // detection classes get these colours in order of first appearance, so the same label keeps its colour
    private static final RGB[] PALETTE = {new RGB(230, 25, 75), new RGB(60, 180, 75), new RGB(0, 130, 200),
        new RGB(245, 130, 48), new RGB(145, 30, 180), new RGB(240, 50, 230), new RGB(70, 240, 240)};
    private static final RGB PASSED = new RGB(60, 200, 90);
    private static final RGB FAILED = new RGB(235, 40, 40);
    private static final RGB CHOSEN = new RGB(255, 230, 0);
    private static final RGB FOUND = new RGB(40, 200, 80);
    private static final RGB FALSE_ALARM = new RGB(235, 30, 30);
    private static final RGB MISSED = new RGB(255, 150, 0);

    private final Display display;
    private final Map<String, RGB> labelColours = new HashMap<>();
    private final Map<RGB, Color> colours = new HashMap<>();

    /** A painter for one display. */
    public MarkPainter(Display display) {
        this.display = display;
    }

    /**
     * Draws the marks of an image shown at {@code zoom} with its origin at ({@code ox}, {@code oy}) in {@code area};
     * returns where the labels went.
     */
    public List<Rectangle> paint(GC gc, List<Mark> marks, double zoom, double ox, double oy, Rectangle area,
            Mark chosen) {
        return paint(gc, marks, zoom, ox, oy, area, chosen, null);
    }

    /**
     * As {@link #paint(GC, List, double, double, double, Rectangle, Mark)}, with the ground truth laid over the
     * detections when {@code truth} is given: found ones green, false alarms red, missed objects dashed orange.
     */
    public List<Rectangle> paint(GC gc, List<Mark> marks, double zoom, double ox, double oy, Rectangle area,
            Mark chosen, TruthMarks truth) {
        List<Rectangle> labels = new ArrayList<>();
        gc.setAdvanced(true);
        gc.setLineWidth(1);
        for (Mark m : marks) {
            if (m.passing()) {
                box(gc, m, colour(PASSED), 90, 0, zoom, ox, oy);
            }
        }
        for (Mark m : marks) {
            if (m.kind() == Mark.Kind.PATCH && !m.passing()) {
                // against the ground truth a failing patch is coloured as a detection would be
                box(gc, m, colour(truth == null ? FAILED : colourOf(m, truth)), 230, 60, zoom, ox, oy);
            }
        }
        gc.setLineWidth(2);
        List<Mark> detections = marks.stream().filter(m -> m.kind() == Mark.Kind.DETECTION).toList();
        List<Rectangle> boxes = new ArrayList<>();
        for (Mark m : detections) {
            boxes.add(box(gc, m, colour(colourOf(m, truth)), 255, 0, zoom, ox, oy));
        }
        // the most confident detection labels first; a label that fits nowhere free is left to the read-out
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(detections.get(b).score(), detections.get(a).score()));
        for (int i : order) {
            Mark m = detections.get(i);
            String text = String.format(Locale.ROOT, "%s %.2f", m.label(), m.score());
            Point size = gc.textExtent(text);
            Rectangle at = LabelPlaces.free(boxes.get(i), size, labels, area);
            if (at != null) {
                gc.setAlpha(255);
                gc.setBackground(colour(colourOf(m, truth)));
                gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
                gc.drawText(text, at.x, at.y, false);
                labels.add(at);
            }
        }
        if (truth != null) {
            gc.setLineStyle(SWT.LINE_DASH);
            for (Mark m : truth.missed()) {
                Rectangle r = box(gc, m, colour(MISSED), 255, 0, zoom, ox, oy);
                String text = "missed " + m.label();
                Rectangle at = LabelPlaces.free(r, gc.textExtent(text), labels, area);
                if (at != null) {
                    gc.setBackground(colour(MISSED));
                    gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
                    gc.drawText(text, at.x, at.y, false);
                    labels.add(at);
                }
            }
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        if (chosen != null && marks.contains(chosen)) {
            gc.setLineWidth(3);
            Rectangle r = box(gc, chosen, colour(CHOSEN), 255, 0, zoom, ox, oy);
            gc.drawRectangle(r.x - 3, r.y - 3, r.width + 6, r.height + 6);
        }
        gc.setAlpha(255);
        return labels;
    }

    /** The image as the view shows it at 1:1 in {@code window}, with its marks drawn on: a picture to keep. */
    public ImageData annotated(PixelImage image, WindowLevel window, List<Mark> marks) {
        Image picture = new Image(display, SwtImages.toImageData(image, window));
        GC gc = new GC(picture);
        try {
            paint(gc, marks, 1, 0, 0, new Rectangle(0, 0, image.width(), image.height()), null);
        } finally {
            gc.dispose();
        }
        ImageData data = picture.getImageData();
        picture.dispose();
        return data;
    }

    /** Frees the colours. */
    public void dispose() {
        colours.values().forEach(Color::dispose);
        colours.clear();
    }

    /**
     * The ground truth over the marks: which detections and failing patches are false alarms, and the objects none
     * found.
     *
     * @param falseAlarms the detections and patch decisions that found no object
     * @param missed      the objects nothing found, as marks
     */
    public record TruthMarks(java.util.Set<Detection> falseAlarms, List<Mark> missed) {

        /** The marks of a matching, or null without one. */
        public static TruthMarks of(ImageErrors e) {
            return e == null ? null : new TruthMarks(java.util.Set.copyOf(e.falseAlarms()), e.missed()
                    .stream().map(g -> new Mark(Mark.Kind.DETECTION, g.x1(), g.y1(), g.x2(), g.y2(), g.label(), 1))
                    .toList());
        }

        /** Whether the mark found no object. */
        public boolean falseAlarm(Mark m) {
            return falseAlarms.contains(m.detection());
        }
    }

    private RGB colourOf(Mark m, TruthMarks truth) {
        return truth == null ? labelColour(m.label()) : truth.falseAlarm(m) ? FALSE_ALARM : FOUND;
    }

    private RGB labelColour(String label) {
        return labelColours.computeIfAbsent(label, l -> PALETTE[labelColours.size() % PALETTE.length]);
    }

    /** Draws a mark's box in screen coordinates and returns it. */
    private static Rectangle box(GC gc, Mark m, Color c, int lineAlpha, int fillAlpha, double zoom, double ox,
            double oy) {
        int x = (int) Math.round(ox + m.x1() * zoom);
        int y = (int) Math.round(oy + m.y1() * zoom);
        Rectangle r = new Rectangle(x, y, Math.max(1, (int) Math.round(ox + m.x2() * zoom) - x),
                Math.max(1, (int) Math.round(oy + m.y2() * zoom) - y));
        if (fillAlpha > 0) {
            gc.setAlpha(fillAlpha);
            gc.setBackground(c);
            gc.fillRectangle(r);
        }
        gc.setAlpha(lineAlpha);
        gc.setForeground(c);
        gc.drawRectangle(r);
        return r;
    }

    private Color colour(RGB rgb) {
        return colours.computeIfAbsent(rgb, v -> new Color(display, v));
    }
}
