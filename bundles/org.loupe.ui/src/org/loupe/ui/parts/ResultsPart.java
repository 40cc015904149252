package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.loupe.pipeline.ItemResult;
import org.loupe.ui.BackgroundRun;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.PipelineRun;
import org.loupe.ui.RunOverlays;
import org.loupe.ui.VolumeDocument;
import org.loupe.ui.widgets.SortedColumns;

/**
 * The results of the workbench's pipeline run: one row per input with its status, findings and measures, sortable by
 * any column and filtered by a text; a double-click opens the input with its detections and patch decisions drawn,
 * or a volume pipeline's case in the Volume view with the masks, lesions and saliency the run wrote for it.
 */
public final class ResultsPart {

    private final PipelineRun run;
    private final ImageDocument document;
    private final VolumeDocument volumes;
    private final EPartService parts;
    private final Runnable refresh = this::refresh;
    private Label status;
    private Button stop;
    private Text filter;
    private TableViewer table;

    /** Created by the workbench. */
    @Inject
    public ResultsPart(PipelineRun run, ImageDocument document, VolumeDocument volumes, EPartService parts) {
        this.run = run;
        this.document = document;
        this.volumes = volumes;
        this.parts = parts;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(parent);
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH);
        filter.setMessage("filter");
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(filter);
        stop = new Button(parent, SWT.PUSH);
        stop.setText("Stop");
        stop.addListener(SWT.Selection, e -> run.cancel());
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(table.getTable());
        SortedColumns<ItemResult> columns = new SortedColumns<>(table, ItemResult.class,
                Comparator.comparing(ItemResult::input));
        columns.add("Input", 170, SWT.LEFT, ItemResult::name, Comparator.comparing(ItemResult::name));
        columns.add("Status", 60, SWT.LEFT, ItemResult::status, Comparator.comparing(ItemResult::status));
        columns.add("Detections", 90, SWT.RIGHT, r -> Integer.toString(RunOverlays.found(run.pipeline(), r).size()),
                Comparator.comparingInt(r -> RunOverlays.found(run.pipeline(), r).size()));
        columns.add("Patches", 210, SWT.LEFT, r -> counts(r.patches()), Comparator.comparing(r -> counts(r.patches())));
        columns.add("Measures", 170, SWT.LEFT, r -> measures(r.metrics()), Comparator.comparing(r -> measures(
                r.metrics())));
        columns.add("ms", 60, SWT.RIGHT, r -> Long.toString(r.millis()), Comparator.comparingLong(ItemResult::millis));
        columns.add("Reason or warnings", 320, SWT.LEFT, r -> r.reason() != null ? r.reason()
                : String.join("; ", r.warnings()), Comparator.comparing(r -> r.reason() == null ? "" : r.reason()));
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parentElement, Object element) {
                String f = filter.getText().strip().toLowerCase(Locale.ROOT);
                ItemResult r = (ItemResult) element;
                return f.isEmpty() || (r.input() + " " + r.status() + " " + r.reason() + " " + r.patches())
                        .toLowerCase(Locale.ROOT).contains(f);
            }
        });
        filter.addListener(SWT.Modify, e -> table.refresh());
        table.addDoubleClickListener(e -> {
            Object chosen = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (chosen instanceof ItemResult r && run.pipeline() != null && run.pipeline().volumes()) {
                if (r.ok() && volumes.state() != BackgroundRun.State.RUNNING) {
                    volumes.openCase(run.pipeline(), r, run.outDir());
                    parts.showPart(VolumeDocument.PART_ID, EPartService.PartState.ACTIVATE);
                }
            } else if (chosen instanceof ItemResult r) {
                RunOverlays.open(document, run, r);
            }
        });
        run.addListener(refresh);
        refresh();
    }

    /** The rows shown, in the table's order after filtering (for the self-test). */
    public int rows() {
        return table.getTable().getItemCount();
    }

    private static String counts(Map<String, Integer> patches) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(patches).forEach((label, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(label));
        return sb.toString();
    }

    private static String measures(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(metrics).forEach((id, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(id.replaceFirst("^metric\\.", "")).append(' ').append(String.format(Locale.ROOT, "%.4g", v)));
        return sb.toString();
    }

    private void refresh() {
        if (status == null || status.isDisposed()) {
            return;
        }
        status.setText(run.state() == PipelineRun.State.IDLE ? "No pipeline run yet: File > Run Pipeline..."
                : run.state().name().toLowerCase(Locale.ROOT) + ": " + run.message());
        stop.setEnabled(run.state() == PipelineRun.State.RUNNING);
        table.setInput(run.results());
        status.getParent().layout();
    }

    /** Stops listening to the run. */
    @PreDestroy
    public void dispose() {
        run.removeListener(refresh);
    }
}
