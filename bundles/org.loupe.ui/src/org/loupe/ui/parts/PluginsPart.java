package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.loupe.image.ImageType;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;

/**
 * Every installed provider with its metadata and health, kept current as plugins come, go or fail. Listing reads
 * service properties only, so opening this view activates nothing.
 */
public final class PluginsPart {

    private final ProviderRegistry registry;
    private final UISynchronize sync;
    private final Runnable refresh = this::scheduleRefresh;
    private TableViewer viewer;

    /** Created by the workbench. */
    @Inject
    public PluginsPart(ProviderRegistry registry, UISynchronize sync) {
        this.registry = registry;
        this.sync = sync;
    }

    /** Builds the table. */
    @PostConstruct
    public void create(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(layout, "Id", 18, s -> s.descriptor().id());
        column(layout, "Kind", 9, s -> s.descriptor().kind().label());
        column(layout, "Name", 16, s -> s.descriptor().name());
        column(layout, "Version", 7, s -> s.descriptor().version());
        column(layout, "Inputs", 26, s -> s.descriptor().inputTypes().isEmpty() ? "any"
                : s.descriptor().inputTypes().stream().map(ImageType::toString).collect(Collectors.joining(", ")));
        column(layout, "Accelerator", 9, s -> s.descriptor().accelerator().name());
        column(layout, "Health", 10, s -> s.health().name() + (s.failure().isEmpty() ? "" : ": " + s.failure()));
        column(layout, "Bundle", 15, s -> s.descriptor().bundle() + " " + s.descriptor().bundleVersion());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(registry.providers());
        registry.addListener(refresh);
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<ProviderStatus, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ProviderStatus) element);
            }
        });
        layout.setColumnData(c.getColumn(), new ColumnWeightData(weight, 60));
    }

    private void scheduleRefresh() {
        sync.asyncExec(() -> {
            if (viewer != null && !viewer.getTable().isDisposed()) {
                viewer.setInput(registry.providers());
            }
        });
    }

    /** Stops listening to the registry. */
    @PreDestroy
    public void dispose() {
        registry.removeListener(refresh);
    }
}
