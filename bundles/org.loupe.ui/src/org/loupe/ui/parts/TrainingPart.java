package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.loupe.api.TrainingEvent;
import org.loupe.ui.TrainingRun;
import org.loupe.ui.widgets.LossPlot;

/**
 * Progress of the workbench's training run: what is training and how it stands, a plot of training and validation
 * loss, and the events as a table (newest first), with a button to stop the run.
 */
public final class TrainingPart {

    private final TrainingRun run;
    private final Runnable refresh = this::refresh;
    private Label status;
    private Button stop;
    private LossPlot plot;
    private TableViewer table;

    /** Created by the workbench. */
    @Inject
    public TrainingPart(TrainingRun run) {
        this.run = run;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        stop = new Button(parent, SWT.PUSH);
        stop.setText("Stop");
        stop.addListener(SWT.Selection, e -> run.cancel());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(sash);
        plot = new LossPlot(sash);
        table = new TableViewer(sash, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.getTable().setHeaderVisible(true);
        column("Iteration", 110, e -> e.iteration() + "/" + e.iterations());
        column("Epoch", 60, e -> String.format("%.2f", e.epoch()));
        column("Elapsed", 70, e -> clock(e.elapsed().toSeconds()));
        column("ETA", 70, e -> clock(e.remaining().toSeconds()));
        column("Loss", 90, e -> String.format("%.5g", e.loss()));
        column("Accuracy", 80, e -> Double.isNaN(e.accuracy()) ? "-" : String.format("%.2f%%", 100 * e.accuracy()));
        column("Learning rate", 100, e -> String.format("%.2e", e.learningRate()));
        column("Validation", 90, e -> Double.isNaN(e.validationLoss()) ? "-"
                : String.format("%.5g", e.validationLoss()));
        table.setContentProvider(ArrayContentProvider.getInstance());
        sash.setWeights(3, 2);
        run.addListener(refresh);
        refresh();
    }

    private void column(String title, int width, Function<TrainingEvent, String> text) {
        TableViewerColumn c = new TableViewerColumn(table, SWT.RIGHT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((TrainingEvent) element);
            }
        });
    }

    private static String clock(long s) {
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private void refresh() {
        if (status == null || status.isDisposed()) {
            return;
        }
        List<TrainingEvent> events = run.events();
        // the time left belongs to a run that is going; a stopped run says where it stopped instead
        String progress = events.isEmpty() || run.state() != TrainingRun.State.RUNNING ? ""
                : String.format("  (%,d/%,d, %s left)", events.get(events.size() - 1).iteration(),
                        events.get(events.size() - 1).iterations(),
                        clock(events.get(events.size() - 1).remaining().toSeconds()));
        status.setText(switch (run.state()) {
            case IDLE -> "No training run yet: Model > Train Model...";
            case RUNNING -> "Training: " + run.message() + progress;
            case DONE -> "Done: " + run.message();
            case CANCELLED -> "Stopped: " + run.message();
            case FAILED -> "Failed: " + run.message();
        });
        stop.setEnabled(run.state() == TrainingRun.State.RUNNING);
        plot.show(events);
        List<TrainingEvent> newestFirst = new ArrayList<>(events);
        Collections.reverse(newestFirst);
        table.setInput(newestFirst);
        status.getParent().layout();
    }

    /** Stops listening to the run. */
    @PreDestroy
    public void dispose() {
        run.removeListener(refresh);
    }
}
