package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.loupe.metrics.image.LineProfile;
import org.loupe.ui.DocumentListener;
import org.loupe.ui.ImageDocument;

/** The values along the last line drawn with Shift+drag on the image, with its length, as a plot. */
public final class ProfilePart implements DocumentListener {

    /** The id of the Profile view in the application model. */
    public static final String PART_ID = "org.loupe.ui.part.profile";

    private final ImageDocument document;
    private Canvas plot;
    private Label caption;

    /** Created by the workbench. */
    @Inject
    public ProfilePart(ImageDocument document) {
        this.document = document;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        plot = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 120).applyTo(plot);
        plot.addPaintListener(e -> paint(e.gc));
        caption = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(caption);
        document.addListener(this);
        profileChanged();
    }

    /** The caption (for the self-test). */
    public String caption() {
        return caption.getText();
    }

    @Override
    public void imageChanged() {
        profileChanged();
    }

    @Override
    public void profileChanged() {
        LineProfile p = document.profile();
        caption.setText(p == null ? "Shift+drag on the image to draw a line and see the values along it"
                : String.format(Locale.ROOT, "%d samples over %.2f px%s; values %s to %s", p.values().length,
                        p.length(), p.unit().equals("px") ? "" : String.format(Locale.ROOT, " (%.4g %s)",
                                p.calibrated(), p.unit()), ImagePart.format(min(p)), ImagePart.format(max(p))));
        caption.getParent().layout();
        plot.redraw();
    }

    private void paint(GC gc) {
        Rectangle a = plot.getClientArea();
        gc.setBackground(plot.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.fillRectangle(a);
        LineProfile p = document.profile();
        if (p == null || p.values().length < 2) {
            return;
        }
        double lo = min(p);
        double span = Math.max(1e-12, max(p) - lo);
        int[] points = new int[p.values().length * 2];
        for (int i = 0; i < p.values().length; i++) {
            points[2 * i] = a.x + (int) Math.round(i * (a.width - 1.0) / (p.values().length - 1));
            points[2 * i + 1] = a.y + a.height - 2 - (int) Math.round((p.values()[i] - lo) / span * (a.height - 4));
        }
        gc.setForeground(plot.getDisplay().getSystemColor(SWT.COLOR_MAGENTA));
        gc.setLineWidth(2);
        gc.drawPolyline(points);
    }

    private static double min(LineProfile p) {
        return java.util.Arrays.stream(p.values()).min().orElse(0);
    }

    private static double max(LineProfile p) {
        return java.util.Arrays.stream(p.values()).max().orElse(0);
    }

    /** Stops listening to the document. */
    @PreDestroy
    public void dispose() {
        document.removeListener(this);
    }
}
