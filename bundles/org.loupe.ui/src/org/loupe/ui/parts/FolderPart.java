package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.ImageFolder;

/**
 * A folder of images as a browsable data set: its files with size, filtered by a text; a double-click (or Enter)
 * opens one, Previous and Next step through them in name order.
 */
public final class FolderPart {

    private final ImageFolder folder;
    private final ImageDocument document;
    private final Runnable refresh = this::refresh;
    private Label status;
    private Text filter;
    private TableViewer table;

    /** Created by the workbench. */
    @Inject
    public FolderPart(ImageFolder folder, ImageDocument document) {
        this.folder = folder;
        this.document = document;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 4).applyTo(parent);
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH);
        filter.setMessage("filter");
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(filter);
        Button previous = new Button(parent, SWT.PUSH);
        previous.setText("Previous");
        previous.addListener(SWT.Selection, e -> step(-1));
        Button next = new Button(parent, SWT.PUSH);
        next.setText("Next");
        next.addListener(SWT.Selection, e -> step(1));
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.getTable().setHeaderVisible(true);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true).applyTo(table.getTable());
        TableViewerColumn name = new TableViewerColumn(table, SWT.LEFT);
        name.getColumn().setText("File");
        name.getColumn().setWidth(360);
        name.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Path) element).getFileName().toString();
            }
        });
        TableViewerColumn size = new TableViewerColumn(table, SWT.RIGHT);
        size.getColumn().setText("KB");
        size.getColumn().setWidth(90);
        size.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                try {
                    return Long.toString(Files.size((Path) element) / 1024);
                } catch (IOException e) {
                    return "-";
                }
            }
        });
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parentElement, Object element) {
                String f = filter.getText().strip().toLowerCase(Locale.ROOT);
                return f.isEmpty() || ((Path) element).getFileName().toString().toLowerCase(Locale.ROOT).contains(f);
            }
        });
        filter.addListener(SWT.Modify, e -> table.refresh());
        table.addOpenListener(e -> {
            Object chosen = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (chosen instanceof Path p) {
                document.open(p);
            }
        });
        folder.addListener(refresh);
        refresh();
    }

    /** The rows shown after filtering (for the self-test). */
    public int rows() {
        return table.getTable().getItemCount();
    }

    private void step(int direction) {
        Path current = document.path();
        Path next = current == null ? (folder.files().isEmpty() ? null : folder.files().get(0))
                : folder.neighbour(current, direction);
        if (next != null) {
            table.setSelection(new StructuredSelection(next), true);
            document.open(next);
        }
    }

    private void refresh() {
        if (status == null || status.isDisposed()) {
            return;
        }
        status.setText(folder.folder() == null ? "No folder yet: File > Open Folder..."
                : folder.folder() + ": " + folder.files().size() + " images");
        table.setInput(folder.files());
        status.getParent().layout();
    }

    /** Stops listening to the folder. */
    @PreDestroy
    public void dispose() {
        folder.removeListener(refresh);
    }
}
