package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.loupe.api.LoupeException;
import org.loupe.metrics.detection.ImageErrors;
import org.loupe.ui.DocumentListener;
import org.loupe.ui.FindingsExport;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.Mark;
import org.loupe.ui.SaveSuggestion;
import org.loupe.ui.WorkbenchSettings;
import org.loupe.ui.widgets.MarkPainter;
import org.loupe.ui.widgets.SortedColumns;

/**
 * The findings on the open image, beside it: one row per detection or patch decision with its class, confidence and
 * box, sortable by any column. Choosing a row outlines the mark on the image (and brings it into view); clicking a
 * mark on the image chooses its row. The findings can be exported as CSV, JSON or COCO, and the image saved with its
 * marks drawn on.
 */
public final class FindingsPart implements DocumentListener {

    /** The id of the Findings view in the application model. */
    public static final String PART_ID = "org.loupe.ui.part.findings";

    private final ImageDocument document;
    private final WorkbenchSettings settings;
    private Label summary;
    private Button passing;
    private Button truth;
    private ImageErrors errors;
    /** The marks matched against the ground truth while it is shown, else null. */
    private MarkPainter.TruthMarks truthMarks;
    private TableViewer table;

    /** Created by the workbench. */
    @Inject
    public FindingsPart(ImageDocument document, WorkbenchSettings settings) {
        this.document = document;
        this.settings = settings;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(5).margins(4, 4).applyTo(parent);
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        passing = new Button(parent, SWT.CHECK);
        passing.setText("Passing patches");
        passing.setToolTipText("List the patches that passed inspection too");
        passing.addListener(SWT.Selection, e -> refresh());
        truth = new Button(parent, SWT.CHECK);
        truth.setText("Ground truth");
        truth.setToolTipText("Lay the image's annotations over the detections: found green, false alarms red, missed "
                + "dashed orange (matched as eval detect matches them)");
        truth.addListener(SWT.Selection, e -> document.showTruth(truth.getSelection()));
        Button export = new Button(parent, SWT.PUSH);
        export.setText("Export...");
        export.setToolTipText("Save the findings as CSV, JSON or COCO annotations");
        export.addListener(SWT.Selection, e -> export());
        Button picture = new Button(parent, SWT.PUSH);
        picture.setText("Save Picture...");
        picture.setToolTipText("Save the image with its marks drawn on, as the view shows it at 100%");
        picture.addListener(SWT.Selection, e -> savePicture());
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        GridDataFactory.fillDefaults().span(5, 1).grab(true, true).applyTo(table.getTable());
        SortedColumns<Mark> columns = new SortedColumns<>(table, Mark.class,
                Comparator.comparingDouble(Mark::score).reversed());
        columns.add("Kind", 80, SWT.LEFT, m -> m.kind() == Mark.Kind.DETECTION ? "detection" : "patch",
                Comparator.comparing(Mark::kind));
        columns.add("Class", 110, SWT.LEFT, Mark::label, Comparator.comparing(Mark::label));
        columns.add("Confidence", 85, SWT.RIGHT, m -> String.format(Locale.ROOT, "%.3f", m.score()),
                Comparator.comparingDouble(Mark::score));
        columns.add("Truth", 80, SWT.LEFT, this::outcome, Comparator.comparing(this::outcome));
        columns.add("x", 55, SWT.RIGHT, m -> number(m.x1()), Comparator.comparingDouble(Mark::x1));
        columns.add("y", 55, SWT.RIGHT, m -> number(m.y1()), Comparator.comparingDouble(Mark::y1));
        columns.add("Width", 60, SWT.RIGHT, m -> number(m.x2() - m.x1()),
                Comparator.comparingDouble(m -> m.x2() - m.x1()));
        columns.add("Height", 60, SWT.RIGHT, m -> number(m.y2() - m.y1()),
                Comparator.comparingDouble(m -> m.y2() - m.y1()));
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.addSelectionChangedListener(e -> {
            Object chosen = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (chosen instanceof Mark m && m != document.selected()) {
                document.select(m);
            }
        });
        document.addListener(this);
        refresh();
    }

    /** The marks listed, in the table's order (for the self-test). */
    public List<Mark> rows() {
        return java.util.Arrays.stream(table.getTable().getItems()).map(i -> (Mark) i.getData()).toList();
    }

    /** The table's widget (for the self-test, which clicks its rows). */
    public org.eclipse.swt.widgets.Table table() {
        return table.getTable();
    }

    /** The mark whose row is chosen, or null (for the self-test). */
    public Mark chosenRow() {
        Object o = table.getStructuredSelection().getFirstElement();
        return o instanceof Mark m ? m : null;
    }

    @Override
    public void imageChanged() {
        refresh();
    }

    @Override
    public void marksChanged() {
        refresh();
    }

    @Override
    public void selectionChanged() {
        Mark m = document.selected();
        if (m != chosenRow()) {
            table.setSelection(m == null ? StructuredSelection.EMPTY : new StructuredSelection(m), true);
        }
    }

    private void refresh() {
        if (table == null || table.getTable().isDisposed()) {
            return;
        }
        List<Mark> all = document.marks();
        List<Mark> shown = passing.getSelection() ? all : all.stream().filter(m -> !m.passing()).toList();
        table.setInput(shown);
        long detections = all.stream().filter(m -> m.kind() == Mark.Kind.DETECTION).count();
        long patches = all.size() - detections;
        errors = document.truthShown() ? document.truthErrors() : null;
        truthMarks = MarkPainter.TruthMarks.of(errors);
        truth.setEnabled(document.groundTruth() != null);
        truth.setSelection(document.truthShown());
        truth.setToolTipText(document.groundTruth() == null ? "The open image has no annotations beside it (DeepPCB, "
                + "COCO or YOLO layout)" : "Lay " + document.groundTruth().source().getFileName() + " over the "
                + "detections: found green, false alarms red, missed dashed orange");
        String found = document.image() == null ? "No image open" : all.isEmpty() ? "No findings yet: Inspect > "
                + "Detect Defects... or Classify Patches..." : detections + " detections, " + patches + " patches ("
                + all.stream().filter(m -> m.kind() == Mark.Kind.PATCH && !m.passing()).count() + " failing)";
        summary.setText(errors == null ? found : found + "; against the ground truth: " + errors.found().size()
                + " found, " + errors.missed().size() + " missed, " + errors.falseAlarms().size() + " false alarms");
        table.refresh();
        summary.getParent().layout();
    }

    private void export() {
        if (document.image() == null || document.marks().isEmpty()) {
            return;
        }
        FileDialog dialog = saveDialog("Export findings", new String[] {"*.csv", "*.json", "*.json"},
                new String[] {"CSV, one row per mark (*.csv)", "JSON, marks with kind and confidence (*.json)",
                    "COCO annotations, the detections (*.json)"}, ".findings.csv");
        String file = dialog.open();
        if (file == null) {
            return;
        }
        FindingsExport.Format format = FindingsExport.Format.values()[Math.max(0, dialog.getFilterIndex())];
        try {
            FindingsExport.write(format, Path.of(file), imageName(), document.image().width(),
                    document.image().height(), document.marks());
        } catch (LoupeException e) {
            MessageDialog.openError(table.getTable().getShell(), "Export findings", e.getMessage());
        }
    }

    private void savePicture() {
        if (document.image() == null) {
            return;
        }
        String file = saveDialog("Save picture with marks", new String[] {"*.png"}, new String[] {"PNG (*.png)"},
                ".marked.png").open();
        if (file != null) {
            try {
                MarkedPicture.save(table.getTable().getDisplay(), document, Path.of(file));
            } catch (LoupeException e) {
                MessageDialog.openError(table.getTable().getShell(), "Save picture", e.getMessage());
            }
        }
    }

    private FileDialog saveDialog(String title, String[] extensions, String[] names, String suffix) {
        FileDialog dialog = new FileDialog(table.getTable().getShell(), SWT.SAVE);
        dialog.setText(title);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(extensions);
        dialog.setFilterNames(names);
        dialog.setFilterPath(SaveSuggestion.folder(document, settings.choices().saveFolder()).toString());
        String name = imageName();
        dialog.setFileName((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + suffix);
        return dialog;
    }

    private String imageName() {
        return document.path() != null ? document.path().getFileName().toString()
                : document.image().metadata().name();
    }

    private String outcome(Mark m) {
        if (truthMarks == null || m.passing()) {
            return "";
        }
        return truthMarks.falseAlarm(m) ? "false alarm" : "found";
    }

    /** The summary line (for the self-test). */
    public String summary() {
        return summary.getText();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Stops listening to the document. */
    @PreDestroy
    public void dispose() {
        document.removeListener(this);
    }
}
