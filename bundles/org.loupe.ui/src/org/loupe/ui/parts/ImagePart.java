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
 * The image view: the open image and the enhancer's result (one, the other, or both split), the display window
 * (typed, automatic, or by right-dragging), a pixel readout, and the progress of a running job with a Cancel button.
 */
public final class ImagePart implements DocumentListener {

    private final ImageDocument document;
    private ImageCanvas canvas;
    private Button before;
    private Button after;
    private Button split;
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
        GridLayoutFactory.fillDefaults().numColumns(9).margins(4, 2).applyTo(bar);
        before = radio(bar, "Input", ImageCanvas.Mode.BEFORE);
        after = radio(bar, "Result", ImageCanvas.Mode.AFTER);
        split = radio(bar, "Compare", ImageCanvas.Mode.SPLIT);
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
        enableResultButtons(false);
    }

    private Button radio(Composite bar, String text, ImageCanvas.Mode mode) {
        Button b = new Button(bar, SWT.RADIO);
        b.setText(text);
        b.addListener(SWT.Selection, e -> {
            if (b.getSelection()) {
                canvas.setMode(mode);
            }
        });
        return b;
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

    private void enableResultButtons(boolean enabled) {
        after.setEnabled(enabled);
        split.setEnabled(enabled);
    }

    @Override
    public void imageChanged() {
        PixelImage img = document.image();
        canvas.setImages(img, null);
        enableResultButtons(false);
        before.setSelection(true);
        after.setSelection(false);
        split.setSelection(false);
        canvas.setMode(ImageCanvas.Mode.BEFORE);
        autoWindow();
    }

    @Override
    public void resultChanged() {
        canvas.setImages(document.image(), document.result());
        boolean has = document.result() != null;
        enableResultButtons(has);
        if (has) {
            before.setSelection(false);
            after.setSelection(false);
            split.setSelection(true);
            canvas.setMode(ImageCanvas.Mode.SPLIT);
        }
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
