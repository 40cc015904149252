package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.WindowLevel;
import org.loupe.ui.DocumentListener;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.widgets.ImageCanvas;

/**
 * The image view: the open image, the enhancer's result and the reference (one of them, or the image and the result
 * or reference split), the marks of the last inspection over them, the display window (typed, automatic, or by
 * right-dragging), a pixel readout, and the progress of a running job with a Cancel button.
 */
public final class ImagePart implements DocumentListener {

    /** What the view shows. */
    private enum View { INPUT, RESULT, COMPARE, REFERENCE }

    private final ImageDocument document;
    private ImageCanvas canvas;
    private Button before;
    private Button after;
    private Button split;
    private Button golden;
    private Button marks;
    private View view = View.INPUT;
    private Text low;
    private Text high;
    private Label readout;
    private Label status;
    private ProgressBar progress;
    private Button cancel;

    /** Created by the workbench. */
    @Inject
    public ImagePart(ImageDocument document) {
        this.document = document;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(4, 4).applyTo(parent);
        toolbar(parent);
        canvas = new ImageCanvas(parent);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas);
        canvas.onReadout(s -> readout.setText(s));
        canvas.onWindowChange(this::showWindow);
        statusBar(parent);
        document.addListener(this);
        if (document.image() != null) {
            imageChanged();
        }
    }

    private void toolbar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(10).margins(4, 2).applyTo(bar);
        before = radio(bar, "Input", View.INPUT);
        after = radio(bar, "Result", View.RESULT);
        split = radio(bar, "Compare", View.COMPARE);
        golden = radio(bar, "Reference", View.REFERENCE);
        golden.setToolTipText("The golden template (or better image of the same scene) opened with File > Open "
                + "Reference");
        split.setToolTipText("The input and the result side by side, or the input and the reference when there is "
                + "no result; drag the divider");
        before.setSelection(true);
        new Label(bar, SWT.NONE).setText("   Window");
        low = new Text(bar, SWT.BORDER | SWT.RIGHT);
        high = new Text(bar, SWT.BORDER | SWT.RIGHT);
        GridDataFactory.swtDefaults().hint(70, SWT.DEFAULT).applyTo(low);
        GridDataFactory.swtDefaults().hint(70, SWT.DEFAULT).applyTo(high);
        low.addListener(SWT.DefaultSelection, e -> applyTypedWindow());
        high.addListener(SWT.DefaultSelection, e -> applyTypedWindow());
        Button auto = new Button(bar, SWT.PUSH);
        auto.setText("Auto");
        auto.addListener(SWT.Selection, e -> autoWindow());
        Button fit = new Button(bar, SWT.PUSH);
        fit.setText("Fit");
        fit.addListener(SWT.Selection, e -> canvas.fit());
        marks = new Button(bar, SWT.CHECK);
        marks.setText("Marks");
        marks.setToolTipText("Show the detections or patch decisions of the last inspection");
        marks.setSelection(true);
        marks.addListener(SWT.Selection, e -> canvas.setMarksVisible(marks.getSelection()));
        enableButtons();
    }

    private Button radio(Composite bar, String text, View shows) {
        Button b = new Button(bar, SWT.RADIO);
        b.setText(text);
        b.addListener(SWT.Selection, e -> {
            if (b.getSelection()) {
                show(shows);
            }
        });
        return b;
    }

    /** Puts the images the view needs on the canvas; the input stays the frame all marks refer to. */
    private void show(View shows) {
        view = shows;
        PixelImage second = switch (shows) {
            case RESULT -> document.result();
            case REFERENCE -> document.reference();
            default -> document.result() != null ? document.result() : document.reference();
        };
        canvas.setImages(document.image(), second);
        canvas.setMode(switch (shows) {
            case INPUT -> ImageCanvas.Mode.BEFORE;
            case COMPARE -> ImageCanvas.Mode.SPLIT;
            default -> ImageCanvas.Mode.AFTER;
        });
        before.setSelection(shows == View.INPUT);
        after.setSelection(shows == View.RESULT);
        split.setSelection(shows == View.COMPARE);
        golden.setSelection(shows == View.REFERENCE);
    }

    private void statusBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 2).applyTo(bar);
        readout = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(readout);
        status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        progress = new ProgressBar(bar, SWT.HORIZONTAL);
        progress.setMaximum(1000);
        GridDataFactory.swtDefaults().hint(160, SWT.DEFAULT).applyTo(progress);
        cancel = new Button(bar, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, e -> document.cancel());
        showBusy(false);
    }

    private void showBusy(boolean busy) {
        progress.setVisible(busy);
        cancel.setVisible(busy);
        if (!busy) {
            progress.setSelection(0);
        }
    }

    private void enableButtons() {
        after.setEnabled(document.result() != null);
        split.setEnabled(document.result() != null || document.reference() != null);
        golden.setEnabled(document.reference() != null);
    }

    @Override
    public void imageChanged() {
        enableButtons();
        canvas.setMarks(document.marks());
        show(View.INPUT);
        autoWindow();
    }

    @Override
    public void resultChanged() {
        enableButtons();
        show(document.result() != null ? View.COMPARE : View.INPUT);
    }

    @Override
    public void referenceChanged() {
        enableButtons();
        show(document.reference() != null && view == View.INPUT ? View.COMPARE : view);
    }

    @Override
    public void marksChanged() {
        canvas.setMarks(document.marks());
        marks.setSelection(true);
        canvas.setMarksVisible(true);
    }

    @Override
    public void progress(double fraction, String message) {
        showBusy(true);
        progress.setSelection((int) (fraction * 1000));
        status.setText(message);
        status.getParent().layout();
    }

    @Override
    public void finished(boolean ok, String message) {
        showBusy(false);
        status.setText(message);
        status.getParent().layout();
        if (!ok && !message.endsWith(" cancelled")) {
            MessageDialog.openError(canvas.getShell(), "Loupe", message);
        }
    }

    private void autoWindow() {
        PixelImage img = document.image();
        if (img == null) {
            return;
        }
        WindowLevel w = img.type().pixelType() == PixelType.UINT8 ? WindowLevel.fullRange(PixelType.UINT8)
                : WindowLevel.auto(img, 0.5, 99.5);
        canvas.setWindow(w);
        showWindow(w);
    }

    private void applyTypedWindow() {
        try {
            canvas.setWindow(new WindowLevel(Double.parseDouble(low.getText().trim()),
                    Double.parseDouble(high.getText().trim())));
        } catch (IllegalArgumentException e) {
            showWindow(canvas.window()); // not numbers, or an empty window: put the current values back
        }
    }

    private void showWindow(WindowLevel w) {
        low.setText(format(w.low()));
        high.setText(format(w.high()));
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Stops listening to the document. */
    @PreDestroy
    public void dispose() {
        document.removeListener(this);
    }
}
