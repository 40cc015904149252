package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.loupe.image.PixelImage;
import org.loupe.metrics.image.LineProfile;
import org.loupe.metrics.image.RegionStatistics;
import org.loupe.image.PixelType;
import org.loupe.image.WindowLevel;
import org.loupe.ui.DocumentListener;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.widgets.ImageCanvas;
import org.loupe.ui.widgets.MarkPainter;

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
    private String statusText = "";
    private String regionText = "";
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
        canvas.onMarkClicked(document::select);
        canvas.onRoi(this::showRegion);
        canvas.onLine(this::showLine);
        canvas.onPolygon(this::showPolygon);
        acceptDroppedFiles();
        statusBar(parent);
        document.addListener(this);
        if (document.image() != null) {
            imageChanged();
        }
    }

    private void toolbar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        // wraps onto a second row in a narrow window rather than cutting Auto, Fit and Marks off
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.center = true;
        row.marginLeft = 4;
        row.marginTop = 2;
        row.marginBottom = 2;
        bar.setLayout(row);
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
        low.setLayoutData(new RowData(80, SWT.DEFAULT));
        high.setLayoutData(new RowData(80, SWT.DEFAULT));
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
        canvas.setAfterName(shows == View.REFERENCE || document.result() == null && second != null ? "reference"
                : "result");
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
        // the label takes what is left of the bar, never more: a long message is shortened and kept whole in the tip
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(status);
        status.addListener(SWT.Resize, e -> fitStatus());
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
        canvas.getShell().setText(document.image() == null ? "Loupe" : (document.path() != null
                ? document.path().getFileName().toString() : document.image().metadata().name()) + " - Loupe");
        canvas.setMarks(document.marks());
        canvas.setTruth(null);
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
        canvas.setSelected(document.selected());
        canvas.setTruth(MarkPainter.TruthMarks.of(document.truthShown() ? document.truthErrors() : null));
        marks.setSelection(true);
        canvas.setMarksVisible(true);
    }

    @Override
    public void progress(double fraction, String message) {
        showBusy(true);
        progress.setSelection((int) (fraction * 1000));
        setStatus(message);
    }

    @Override
    public void finished(boolean ok, String message) {
        showBusy(false);
        setStatus(message);
        if (!ok && !message.endsWith(" cancelled")) {
            // the workbench's own words for the settings a message points at (the command line adds its options)
            MessageDialog.openError(canvas.getShell(), "Loupe", message.contains("over the pixel limit")
                    ? message + " (raise it in File > Preferences)" : message);
        }
    }

    private void setStatus(String message) {
        statusText = message;
        status.getParent().layout();
        fitStatus();
    }

    /** Shows as much of the message as the label's width takes, the whole of it in the tool tip. */
    private void fitStatus() {
        int width = status.getSize().x;
        String text = statusText;
        GC gc = new GC(status);
        try {
            if (width > 0 && gc.textExtent(text).x > width) {
                String cut = text;
                while (cut.length() > 1 && gc.textExtent(cut + "...").x > width) {
                    cut = cut.substring(0, cut.length() - 1);
                }
                text = cut.strip() + "...";
            }
        } finally {
            gc.dispose();
        }
        status.setText(text);
        status.setToolTipText(text.equals(statusText) ? null : statusText);
    }

    private void autoWindow() {
        PixelImage img = document.image();
        if (img == null) {
            return;
        }
        WindowLevel w = defaultWindow(img);
        canvas.setWindow(w);
        showWindow(w);
    }

    /** The window an image opens in: an 8-bit image's full range, else the 0.5th to the 99.5th percentile. */
    static WindowLevel defaultWindow(PixelImage img) {
        return img.type().pixelType() == PixelType.UINT8 ? WindowLevel.fullRange(PixelType.UINT8)
                : WindowLevel.auto(img, 0.5, 99.5);
    }

    private void applyTypedWindow() {
        try {
            canvas.setWindow(new WindowLevel(Double.parseDouble(low.getText().trim()),
                    Double.parseDouble(high.getText().trim())));
            document.setDisplayWindow(canvas.window());
        } catch (IllegalArgumentException e) {
            showWindow(canvas.window()); // not numbers, or an empty window: put the current values back
        }
    }

    /** The statistics of the region drawn with Ctrl+drag, in the status line. */
    private void showRegion(Rectangle r) {
        if (r == null || document.image() == null) {
            setStatus("");
            return;
        }
        showStatistics(String.format(Locale.ROOT, "Region %dx%d at %d, %d", r.width, r.height, r.x, r.y),
                img -> RegionStatistics.of(img, r.x, r.y, r.x + r.width, r.y + r.height));
    }

    /**
     * A region's statistics in the status line: of the input, and of the result or the reference where it has the
     * input's size (the same pixels, before and after).
     */
    private void showStatistics(String region, Function<PixelImage, RegionStatistics> of) {
        StringBuilder s = new StringBuilder(region + ": input " + of.apply(document.image()).describe());
        PixelImage other = document.result() != null ? document.result() : document.reference();
        if (other != null && other.width() == document.image().width() && other.height() == document.image()
                .height()) {
            s.append(document.result() != null ? "; result " : "; reference ").append(of.apply(other).describe());
        }
        regionText = s.toString();
        setStatus(regionText);
    }

    /** Files dropped on the image open as File > Open does (the first one, if several are dropped). */
    private void acceptDroppedFiles() {
        DropTarget target = new DropTarget(canvas, DND.DROP_COPY | DND.DROP_DEFAULT | DND.DROP_MOVE);
        target.setTransfer(FileTransfer.getInstance());
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent e) {
                e.detail = DND.DROP_COPY; // the file is read, never moved
            }

            @Override
            public void drop(DropTargetEvent e) {
                if (e.data instanceof String[] files && files.length > 0 && !document.isBusy()) {
                    document.open(java.nio.file.Path.of(files[0]));
                }
            }
        });
    }

    /** A line drawn with Shift+drag: its length in the status line, its profile in the Profile view. */
    private void showLine(double[] l) {
        if (l == null || document.image() == null) {
            return;
        }
        LineProfile p = document.profile(l);
        setStatus(String.format(Locale.ROOT, "Line from %.1f, %.1f to %.1f, %.1f: %.2f px%s", l[0], l[1], l[2], l[3],
                p.length(), p.unit().equals("px") ? "" : String.format(Locale.ROOT, " (%.4g %s)", p.calibrated(),
                        p.unit())));
    }

    /** A polygon closed with Ctrl+Shift+clicks: the statistics of the pixels inside it, as for a rectangle. */
    private void showPolygon(double[] corners) {
        if (document.image() == null) {
            return;
        }
        try {
            showStatistics("Polygon of " + corners.length / 2 + " corners", img -> RegionStatistics.inPolygon(img,
                    corners));
        } catch (IllegalArgumentException e) {
            regionText = "Polygon: " + e.getMessage();
            setStatus(regionText);
        }
    }

    /** The last region's statistics as shown (for the self-test). */
    public String regionText() {
        return regionText;
    }

    @Override
    public void selectionChanged() {
        canvas.setSelected(document.selected());
    }

    private void showWindow(WindowLevel w) {
        document.setDisplayWindow(w);
        low.setText(format(w.low()));
        high.setText(format(w.high()));
    }

    /** A window bound as a person writes it: 65040.5, 0.00125, never 6.504e+04. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Stops listening to the document. */
    @PreDestroy
    public void dispose() {
        document.removeListener(this);
    }
}
