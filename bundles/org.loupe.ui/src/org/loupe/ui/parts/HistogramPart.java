package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.loupe.image.PixelImage;
import org.loupe.ui.DocumentListener;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.widgets.HistogramCanvas;

/** The histogram of the open image with the display window on it, following the image and the window. */
public final class HistogramPart implements DocumentListener {

    /** The id of the Histogram view in the application model. */
    public static final String PART_ID = "org.loupe.ui.part.histogram";

    private final ImageDocument document;
    private HistogramCanvas histogram;
    private Label range;

    /** Created by the workbench. */
    @Inject
    public HistogramPart(ImageDocument document) {
        this.document = document;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        histogram = new HistogramCanvas(parent);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 120).applyTo(histogram);
        range = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(range);
        document.addListener(this);
        imageChanged();
    }

    /** The histogram widget (for the self-test). */
    public HistogramCanvas histogram() {
        return histogram;
    }

    @Override
    public void imageChanged() {
        PixelImage img = document.image();
        histogram.setImage(img);
        windowChanged();
    }

    @Override
    public void windowChanged() {
        histogram.setWindow(document.displayWindow());
        double[] r = histogram.range();
        range.setText(document.image() == null ? "No image open" : String.format(Locale.ROOT,
                "values %s to %s, log count; display window %s", ImagePart.format(r[0]), ImagePart.format(r[1]),
                document.displayWindow() == null ? "-" : ImagePart.format(document.displayWindow().low()) + " to "
                        + ImagePart.format(document.displayWindow().high())));
        range.getParent().layout();
    }

    /** Stops listening to the document. */
    @PreDestroy
    public void dispose() {
        document.removeListener(this);
    }
}
